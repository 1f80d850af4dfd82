/**
 * A report document as read from a file (DOCX today; PDF, OCR and text later): its paragraphs and
 * tables in reading order. Readers in src/import fill it; the domain reads reports out of it.
 */

/** One cell on the table's grid. A cell covered by a merge repeats its origin's text, marked `covered`. */
export interface DocCell {
  text: string;
  /** 'left': part of a horizontal merge (gridSpan) started to its left; 'above': a vertical merge (vMerge) started above. */
  covered?: 'left' | 'above';
}

export interface DocTable {
  type: 'table';
  /** Grid-aligned: every row has a cell for every grid column it reaches. */
  rows: DocCell[][];
  /** Index of the table among the document's tables, from 1 (how a finding names it). */
  index: number;
}

export interface DocParagraph {
  type: 'paragraph';
  text: string;
}

export interface ReadDocument {
  blocks: Array<DocParagraph | DocTable>;
}

export const docTables = (doc: ReadDocument): DocTable[] => doc.blocks.filter((b): b is DocTable => b.type === 'table');
export const docParagraphs = (doc: ReadDocument): string[] => doc.blocks.filter((b): b is DocParagraph => b.type === 'paragraph').map((p) => p.text);
