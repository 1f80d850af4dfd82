import { open as openFile } from 'node:fs/promises';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import type { DocCell, DocParagraph, DocTable, ReadDocument } from '../domain/legacy/document';
import { UnreadableFileError } from './unreadable-file-error';
import { nextZipEntry } from './zip-entries';

/**
 * Reads a Word document (.docx: a ZIP of XML parts) into paragraphs and tables. Only
 * word/document.xml is inflated, counted as it inflates, so a ZIP that lies about its sizes or
 * expands to gigabytes is refused before it costs memory.
 */
export interface DocxLimits {
  entries: number;
  /** word/document.xml, inflated. */
  documentBytes: number;
  /** Cells of all tables together (a merged cell counts once per grid column it covers). */
  cells: number;
}

export const DOCX_LIMITS: DocxLimits = { entries: 2_000, documentBytes: 64 * 1024 * 1024, cells: 500_000 };

/** Word allows at most 63 columns; a larger gridSpan is a hostile file. */
const MAX_COLUMNS = 63;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('vi-VN')} MB`;
const bomb = (detail: string) =>
  new UnreadableFileError(`tệp DOCX ${detail}: vượt giới hạn an toàn nên không được mở (có thể là tệp "bom nén").`);
const broken = (detail: string) => new UnreadableFileError(`tệp DOCX bị hỏng: ${detail}. Hãy mở bằng Word và lưu lại thành .docx.`);

async function startsWith(path: string, magic: number[]): Promise<boolean> {
  const handle = await openFile(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(magic.length), 0, magic.length, 0);
    return bytesRead === magic.length && buffer.equals(Buffer.from(magic));
  } finally {
    await handle.close();
  }
}

/** word/document.xml of a DOCX, within the limits. */
export async function readDocxXml(path: string, limits: DocxLimits = DOCX_LIMITS): Promise<string> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UnreadableFileError('không tìm thấy tệp.');
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') throw new UnreadableFileError('đây là một thư mục, không phải tệp.');
    if (await startsWith(path, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).catch(() => false)) {
      throw new UnreadableFileError('tệp là văn bản Word 97–2003 (.doc) hoặc tệp Word có đặt mật khẩu: hãy mở bằng Word, bỏ mật khẩu nếu có, và lưu thành .docx.');
    }
    if (await startsWith(path, [0x25, 0x50, 0x44, 0x46]).catch(() => false)) {
      throw new UnreadableFileError('tệp là PDF: CCHC chưa đọc được báo cáo PDF, hãy dùng bản .docx.');
    }
    throw new UnreadableFileError('không phải tệp DOCX hợp lệ (không đọc được cấu trúc nén ZIP): hãy mở bằng Word và lưu lại thành .docx.');
  }
  try {
    if (zip.entryCount > limits.entries) throw bomb(`có ${zip.entryCount.toLocaleString('vi-VN')} phần (tối đa ${limits.entries.toLocaleString('vi-VN')})`);
    let entry: yauzl.Entry | null;
    do {
      entry = await nextEntry(zip);
    } while (entry && entry.fileName !== 'word/document.xml');
    if (!entry) throw new UnreadableFileError('không phải tệp DOCX (thiếu phần word/document.xml): hãy mở bằng Word và lưu lại thành .docx.');
    if (entry.uncompressedSize > limits.documentBytes) throw bomb(`có nội dung giải nén ra ${mb(entry.uncompressedSize)} (tối đa ${mb(limits.documentBytes)})`);
    const chunks: Buffer[] = [];
    let bytes = 0;
    try {
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > limits.documentBytes) {
          stream.destroy();
          throw bomb(`giải nén ra nhiều hơn kích thước khai báo, hơn ${mb(limits.documentBytes)}`);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof UnreadableFileError) throw error;
      throw broken('không giải nén được phần nội dung (word/document.xml)');
    }
    const xml = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
    return xml;
  } finally {
    zip.close();
  }
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return nextZipEntry(zip).catch(() => {
    throw broken('mục lục của tệp nén không đọc được');
  });
}

interface OpenCell {
  paragraphs: string[];
  span: number;
  vMerge: 'restart' | 'continue' | null;
}
interface OpenTable {
  rows: OpenCell[][];
  row: OpenCell[] | null;
  cell: OpenCell | null;
}

/** Lays the cells of a table on its grid: a span repeats its text, a vertical merge the text above. */
function toGrid(rows: OpenCell[][]): DocCell[][] {
  const grid: DocCell[][] = [];
  for (const row of rows) {
    const out: DocCell[] = [];
    for (const cell of row) {
      const column = out.length;
      let text = cell.paragraphs.join('\n').trim();
      let covered: DocCell['covered'];
      if (cell.vMerge === 'continue') {
        const above = grid.at(-1)?.[column];
        text = above?.text ?? text;
        covered = 'above';
      }
      out.push(covered ? { text, covered } : { text });
      for (let i = 1; i < cell.span; i++) out.push({ text, covered: covered ?? 'left' });
    }
    grid.push(out);
  }
  return grid;
}

/** Parses word/document.xml: body paragraphs and tables in order; a table inside a cell becomes the cell's text. */
export function parseDocumentXml(xml: string, limits: DocxLimits = DOCX_LIMITS): ReadDocument {
  const parser = new SaxesParser({ xmlns: false });
  const blocks: Array<DocParagraph | DocTable> = [];
  const tables: OpenTable[] = [];
  let paragraph: string[] | null = null;
  let inText = false;
  // Tab stops (w:tabs/w:tab) sit in paragraph properties; only a tab inside a run is text.
  let inRun = 0;
  let tableCount = 0;
  let cells = 0;
  let depth = 0;

  const endParagraph = () => {
    const text = (paragraph ?? []).join('');
    paragraph = null;
    const table = tables.at(-1);
    if (table?.cell) table.cell.paragraphs.push(text);
    else if (tables.length === 0) blocks.push({ type: 'paragraph', text: text.replace(/[ \t]+/g, ' ').trim() });
  };

  parser.on('opentag', (tag) => {
    depth += 1;
    if (depth > 256) throw broken('cấu trúc lồng nhau quá sâu');
    const attr = (name: string) => {
      const value = tag.attributes[name];
      return typeof value === 'string' ? value : undefined;
    };
    const table = tables.at(-1);
    switch (tag.name) {
      case 'w:p':
        paragraph = [];
        break;
      case 'w:r':
        inRun += 1;
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
        if (inRun > 0) paragraph?.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        if (inRun > 0) paragraph?.push('\n');
        break;
      case 'w:noBreakHyphen':
        if (inRun > 0) paragraph?.push('-');
        break;
      case 'w:tbl':
        tables.push({ rows: [], row: null, cell: null });
        break;
      case 'w:tr':
        if (table) table.row = [];
        break;
      case 'w:tc':
        if (table) table.cell = { paragraphs: [], span: 1, vMerge: null };
        break;
      case 'w:gridSpan':
        if (table?.cell) table.cell.span = Math.min(MAX_COLUMNS, Math.max(1, Number.parseInt(attr('w:val') ?? '1', 10) || 1));
        break;
      case 'w:vMerge':
        if (table?.cell) table.cell.vMerge = attr('w:val') === 'restart' ? 'restart' : 'continue';
        break;
    }
  });

  parser.on('text', (text) => {
    if (inText && paragraph) paragraph.push(text);
  });

  parser.on('closetag', (tag) => {
    depth -= 1;
    const table = tables.at(-1);
    switch (tag.name) {
      case 'w:r':
        inRun -= 1;
        break;
      case 'w:t':
        inText = false;
        break;
      case 'w:p':
        endParagraph();
        break;
      case 'w:tc':
        if (table?.cell && table.row) {
          cells += table.cell.span;
          if (cells > limits.cells) throw bomb(`có hơn ${limits.cells.toLocaleString('vi-VN')} ô bảng`);
          table.row.push(table.cell);
        }
        if (table) table.cell = null;
        break;
      case 'w:tr':
        if (table?.row) table.rows.push(table.row);
        if (table) table.row = null;
        break;
      case 'w:tbl': {
        const done = tables.pop()!;
        const grid = toGrid(done.rows);
        const outer = tables.at(-1);
        if (outer?.cell) outer.cell.paragraphs.push(...grid.map((row) => row.filter((c) => !c.covered).map((c) => c.text).join(' ')));
        else if (!outer) blocks.push({ type: 'table', rows: grid, index: ++tableCount });
        break;
      }
    }
  });

  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw broken('nội dung XML không hợp lệ');
  }
  return { blocks };
}

/** Reads a .docx file into a document; UnreadableFileError (Vietnamese) when it cannot. */
export async function readDocxDocument(path: string, limits: DocxLimits = DOCX_LIMITS): Promise<ReadDocument> {
  return parseDocumentXml(await readDocxXml(path, limits), limits);
}
