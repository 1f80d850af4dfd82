import { generatedText, runsText, sectionHeading, type Block, type Narrative, type Section } from '../narrative/narrative';

/** The words a list of blocks prints (a generated paragraph as printed: the official's edit, else the generated text). */
export function blocksText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case 'paragraph':
        case 'heading':
          return runsText(block.runs);
        case 'bullets':
          return block.items.map((item) => `${block.marker} ${runsText(item)}`).join('\n');
        case 'generated':
          return generatedText(block);
      }
    })
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .join('\n\n');
}

/** Whether a section, or a section inside it, prints any words. */
export function sectionHasContent(section: Section): boolean {
  return blocksText(section.blocks) !== '' || (section.children ?? []).some(sectionHasContent);
}

export interface NumberedSection {
  section: Section;
  /** "II.2. Cải cách thủ tục hành chính": the numbers of the section and of those around it, the title as written. */
  label: string;
  depth: number;
}

/** Every section of a narrative with a label that places it ("II.2. …"), in printed order. */
export function numberedSections(narrative: Pick<Narrative, 'sections'>): NumberedSection[] {
  const out: NumberedSection[] = [];
  const walk = (list: readonly Section[], depth: number, prefix: string) => {
    let index = 0;
    for (const section of list) {
      const title = section.title.trim();
      let number = '';
      if (section.numbered !== false) {
        // The number alone, as sectionHeading writes it at this depth ("II.", "2.", "a)").
        number = sectionHeading({ title: 'x' }, depth, index).slice(0, -2);
        index += 1;
      }
      const own = number ? `${prefix}${number}` : '';
      out.push({ section, label: own ? `${own} ${title}` : title, depth });
      walk(section.children ?? [], depth + 1, own);
    }
  };
  walk(narrative.sections, 0, '');
  return out;
}
