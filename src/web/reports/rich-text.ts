import { blocksFromText, type Block, type Inline } from '../../domain/narrative/narrative';
import { blocksToText } from './document-text';

/**
 * The free text of a section as the rich-text editor holds it (ProseMirror JSON: paragraphs,
 * sub-headings, bulleted lists — a list inside a list item is the "+" list of Vietnamese reports —
 * and bold or italic text), to and from the light markup the narrative is stored in.
 */
export interface RichNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichNode[];
  text?: string;
  marks?: Array<{ type: string }>;
}

const textNodes = (runs: Inline[]): RichNode[] =>
  runs
    .filter((r) => r.text !== '')
    .map((r) => {
      const marks = [...(r.bold ? [{ type: 'bold' }] : []), ...(r.italic ? [{ type: 'italic' }] : [])];
      return { type: 'text', text: r.text, ...(marks.length > 0 ? { marks } : {}) };
    });

/** A paragraph's runs split at its line breaks: each line its own paragraph in the editor. */
function lines(runs: Inline[]): Inline[][] {
  const out: Inline[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) out.push([]);
      if (part !== '') out.at(-1)!.push({ ...run, text: part });
    });
  }
  return out;
}

const paragraph = (runs: Inline[]): RichNode => ({ type: 'paragraph', content: textNodes(runs) });
const listItem = (runs: Inline[], nested?: RichNode): RichNode => ({ type: 'listItem', content: [paragraph(runs), ...(nested ? [nested] : [])] });

/** The editor's document for a section's markup text. */
export function textToRichDoc(text: string): RichNode {
  const content: RichNode[] = [];
  for (const block of blocksFromText(text) as Block[]) {
    if (block.type === 'paragraph') content.push(...lines(block.runs).map(paragraph));
    else if (block.type === 'heading') content.push({ type: 'heading', attrs: { level: 3 }, content: textNodes(block.runs) });
    else if (block.type === 'bullets') {
      const list: RichNode = { type: 'bulletList', content: block.items.map((item) => listItem(item)) };
      const previous = content.at(-1);
      // A "+" list right after a "-" list sits inside its last item.
      if (block.marker === '+' && previous?.type === 'bulletList') {
        const last = previous.content!.at(-1)!;
        last.content = [...(last.content ?? []), ...(last.content?.some((c) => c.type === 'bulletList') ? [] : [list])];
      } else content.push(list);
    }
  }
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function runsOf(node: RichNode | undefined): Inline[] {
  return (node?.content ?? [])
    .filter((n) => n.type === 'text' && n.text)
    .map((n) => {
      const marks = new Set((n.marks ?? []).map((m) => m.type));
      return { text: n.text!, ...(marks.has('bold') ? { bold: true } : {}), ...(marks.has('italic') ? { italic: true } : {}) };
    });
}

/** The blocks of the editor's document (a list nested deeper than two levels is read as the second). */
export function richDocToBlocks(doc: RichNode): Block[] {
  const blocks: Block[] = [];
  const list = (node: RichNode, marker: '-' | '+') => {
    let items: Inline[][] = [];
    const flush = () => {
      if (items.length > 0) blocks.push({ type: 'bullets', marker, items });
      items = [];
    };
    for (const item of node.content ?? []) {
      for (const child of item.content ?? []) {
        if (child.type === 'paragraph' || child.type === 'heading') {
          const runs = runsOf(child);
          if (runs.length > 0) items.push(runs);
        } else if (child.type === 'bulletList' || child.type === 'orderedList') {
          flush();
          list(child, '+');
        }
      }
    }
    flush();
  };
  for (const node of doc.content ?? []) {
    if (node.type === 'paragraph') {
      const runs = runsOf(node);
      if (runs.length > 0) blocks.push({ type: 'paragraph', runs });
    } else if (node.type === 'heading') {
      const runs = runsOf(node);
      if (runs.length > 0) blocks.push({ type: 'heading', runs });
    } else if (node.type === 'bulletList' || node.type === 'orderedList') list(node, '-');
  }
  return blocks;
}

/** The markup text of the editor's document, as the narrative stores it. */
export const richDocToText = (doc: RichNode): string => blocksToText(richDocToBlocks(doc));
