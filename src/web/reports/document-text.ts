import { blocksFromText, type Block, type Inline, type Narrative, type Section } from '../../domain/narrative/narrative';

/**
 * The free text of a section as the official edits it, in the markup blocksFromText reads back:
 * a blank line between paragraphs, "- " / "+ " for lists, "# " for a sub-heading, **đậm**, *nghiêng*.
 * Generated paragraphs are not part of it: the editor shows them apart.
 */
export function runsToText(runs: Inline[]): string {
  return runs
    .map((r) => {
      if (r.text.trim() === '') return r.text;
      if (r.bold && r.italic) return `***${r.text}***`;
      if (r.bold) return `**${r.text}**`;
      if (r.italic) return `*${r.text}*`;
      return r.text;
    })
    .join('');
}

export function blocksToText(blocks: Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.type === 'paragraph') parts.push(runsToText(block.runs));
    else if (block.type === 'heading') parts.push(`# ${runsToText(block.runs)}`);
    else if (block.type === 'bullets') parts.push(block.items.map((item) => `${block.marker} ${runsToText(item)}`).join('\n'));
  }
  return parts.join('\n\n');
}

/** A section's blocks with its free text replaced; generated paragraphs stay, after the text. */
export function withFreeText(blocks: Block[], text: string): Block[] {
  const generated = blocks.filter((b) => b.type === 'generated');
  return [...blocksFromText(text).filter((b) => b.type !== 'generated'), ...generated];
}

/** Every section, children included, with a function applied. */
export function mapSections(narrative: Narrative, change: (section: Section) => Section): Narrative {
  const walk = (list: Section[]): Section[] => list.map((s) => change({ ...s, ...(s.children ? { children: walk(s.children) } : {}) }));
  return { ...narrative, sections: walk(narrative.sections) };
}

/** The narrative with the free text typed in the editor (section id → text): what is saved, and what the preview shows. */
export function narrativeWithTexts(narrative: Narrative, texts: Readonly<Record<string, string>>): Narrative {
  return mapSections(narrative, (s) => (Object.hasOwn(texts, s.id) ? { ...s, blocks: withFreeText(s.blocks, texts[s.id]!) } : s));
}
