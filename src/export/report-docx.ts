import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
  type ISectionOptions,
} from 'docx';
import { STANDARD_HEADERS, type AppendixColumn, type AppendixRow } from '../domain/narrative/appendix';
import { DocumentMetaSchema, type DocumentMeta, type DocumentMetaInput } from '../domain/narrative/document-meta';
import {
  documentAppendix,
  documentBody,
  documentHeader,
  documentSignature,
  documentTitle,
  RECIPIENTS_LABEL,
  type BodyItem,
  type BodyPart,
} from '../domain/narrative/document-model';
import { paragraphGenerator } from '../domain/narrative/generators';
import type { FieldStats, OneStopFigures } from '../domain/narrative/one-stop';
import { NarrativeSchema, refreshGenerated, type Inline, type Narrative } from '../domain/narrative/narrative';
import { applyOutline, templateOutline } from '../domain/narrative/outline';
import { cleanText } from '../domain/narrative/text';
import type { Template } from '../domain/templates/template';

/**
 * The report an official signs, as a Word document in the layout of Decree 30/2020/NĐ-CP,
 * Phụ lục I (thể thức và kỹ thuật trình bày văn bản hành chính):
 *
 * - A4 portrait (210 × 297 mm); margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm (the
 *   decree allows 20–25 / 20–25 / 30–35 / 15–20; we take the values most offices use);
 * - Times New Roman throughout; body 14 pt, justified, first line indented 1,27 cm, 6 pt between
 *   paragraphs, line spacing 1,15 (the decree: at least single, at most 1,5 lines);
 * - header in a two-column table without borders — left: parent body (13 pt, upper case, not
 *   bold), issuing body (13 pt, upper case, bold), a short line, "Số: …" (13 pt); right: the
 *   national name (13 pt, bold, upper case), the motto (14 pt, bold) with a line as long as it,
 *   place and date (14 pt, italic);
 * - "BÁO CÁO" (14 pt, bold) and the summary (14 pt, bold) centred, a short line under it;
 * - page numbers centred in the top margin (14 pt) from page 2;
 * - signature block (14 pt, bold) beside "Nơi nhận:" (12 pt, bold italic) and its list (11 pt);
 * - the appendix in its own section, numbered apart, landscape when it has several value columns;
 *   its table header repeats on every page.
 *
 * Text is escaped by the library; characters XML cannot carry are removed first (cleanText).
 */

const FONT = 'Times New Roman';
const MM = 1440 / 25.4;
const mm = (value: number) => Math.round(value * MM);

export const DOCX_LAYOUT = {
  /** A4 in twips (1/1440 inch). */
  page: { width: 11906, height: 16838 },
  marginsMm: { top: 20, bottom: 20, left: 30, right: 15 },
  margins: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
  /** Font sizes in points. */
  size: {
    body: 14,
    parentBody: 13,
    issuer: 13,
    number: 13,
    nationalName: 13,
    motto: 14,
    placeDate: 14,
    documentType: 14,
    summary: 14,
    signature: 14,
    recipientsLabel: 12,
    recipients: 11,
    pageNumber: 14,
    appendixTitle: 14,
    table: 12,
  },
  firstLineIndent: 720,
  /** Left column of the header table and of the signature table, in twips. */
  headerLeft: 3700,
  signatureLeft: 4300,
} as const;

const CONTENT_WIDTH = DOCX_LAYOUT.page.width - DOCX_LAYOUT.margins.left - DOCX_LAYOUT.margins.right;
const LANDSCAPE_WIDTH = DOCX_LAYOUT.page.height - DOCX_LAYOUT.margins.left - DOCX_LAYOUT.margins.right;
/** Word's default cell margins (0,19 cm each side). */
const CELL_PADDING = 108;

export interface ReportDocxInput {
  template: Template;
  /** Row id → value (ReportValue fits). */
  values: ReadonlyMap<string, { value: number | string | null }>;
  meta: DocumentMetaInput;
  /** Laid out on the template's outline: its titles and order (see applyOutline). */
  narrative: unknown;
  /**
   * The period after the report's ("Quý II năm 2024"), named in the title of section IV; null for
   * none; left out, the title the narrative has is kept.
   */
  nextPeriodLabel?: string | null;
  /** Used by the one-stop paragraphs when the template has no one-stop rows, and for the by-field sentence. */
  stats?: OneStopFigures | null;
  byField?: FieldStats[] | null;
  appendix?: {
    /** Several value columns (a roll-up: one per unit); default one column "Số liệu" of `values`. */
    columns?: AppendixColumn[];
    /** auto: landscape when there is more than one value column. */
    orientation?: 'auto' | 'portrait' | 'landscape';
    /** false leaves the appendix out. */
    include?: boolean;
  };
}

// --- Text widths, to draw the short lines of the header as long as the decree wants them --------

/** Advance widths (1/1000 em) of ASCII 32–126 in Times New Roman (the metrics Liberation Serif copies). */
const WIDTHS_REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278,
  564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944,
  722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389,
  278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const WIDTHS_BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 333, 333,
  570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000,
  722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389,
  333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];

/** The printed width of a line in twips (Vietnamese letters measure as their base letter). */
export function textWidth(text: string, sizePt: number, bold: boolean): number {
  const table = bold ? WIDTHS_BOLD : WIDTHS_REGULAR;
  let units = 0;
  for (const ch of text) {
    const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD')[0]!;
    const code = base.charCodeAt(0);
    units += code >= 32 && code <= 126 ? table[code - 32]! : ch === '\u00a0' ? 250 : 500;
  }
  return Math.round((units / 1000) * sizePt * 20);
}

/**
 * A header line too wide for its column, split in two at the space that balances the halves
 * ("UBND THÀNH PHỐ THÁI NGUYÊN" → "UBND THÀNH PHỐ" / "THÁI NGUYÊN"), as clerks break them by hand.
 */
export function balancedLines(text: string, maxWidth: number, sizePt: number, bold: boolean): string[] {
  if (textWidth(text, sizePt, bold) <= maxWidth) return [text];
  const words = text.split(' ');
  let best: string[] = [text];
  let bestWidth = Infinity;
  for (let i = 1; i < words.length; i++) {
    const halves = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
    const width = Math.max(...halves.map((h) => textWidth(h, sizePt, bold)));
    if (width < bestWidth) {
      best = halves;
      bestWidth = width;
    }
  }
  return best;
}

// --- Building blocks -------------------------------------------------------------------------------

interface RunStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

/** One run with its font and size written out, so every element carries its own format. */
function run(text: string, style: RunStyle, options: { break?: number } = {}): TextRun {
  return new TextRun({
    text: cleanText(text).replace(/\t/g, ' '),
    font: FONT,
    size: style.size * 2,
    bold: style.bold ?? false,
    italics: style.italic ?? false,
    ...(options.break ? { break: options.break } : {}),
  });
}

/** Runs of text with line breaks ("\n") kept. */
function lines(text: string, style: RunStyle): TextRun[] {
  return cleanText(text)
    .split('\n')
    .map((line, i) => run(line, style, i > 0 ? { break: 1 } : {}));
}

function inlineRuns(inlines: Inline[], style: RunStyle): TextRun[] {
  const runs: TextRun[] = [];
  for (const inline of inlines) {
    cleanText(inline.text)
      .split('\n')
      .forEach((line, i) => runs.push(run(line, { ...style, bold: style.bold || !!inline.bold, italic: style.italic || !!inline.italic }, i > 0 ? { break: 1 } : {})));
  }
  return runs;
}

const tight = { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } as const;

function centred(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, ...tight, ...extra, children });
}

/** A horizontal line of the given length, centred in a space of `within` twips. */
function shortLine(length: number, within: number, spaceBefore = 80): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before: spaceBefore, after: 0, line: 40, lineRule: LineRuleType.EXACT },
    border: { top: border },
    children: [run('', { size: 1 })],
  });
}

function bodyParagraph(children: TextRun[], extra: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: DOCX_LAYOUT.firstLineIndent },
    spacing: { before: 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
    ...extra,
    children,
  });
}

const NO_BORDERS = {
  top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideHorizontal: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
  insideVertical: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
} as const;

function borderlessTable(widths: number[], rows: Paragraph[][][], cantSplit = false): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: rows.map(
      (cells) =>
        new TableRow({
          cantSplit,
          children: cells.map(
            (children, i) =>
              new TableCell({
                width: { size: widths[i]!, type: WidthType.DXA },
                borders: NO_BORDERS,
                children: children.length ? children : [new Paragraph({ children: [] })],
              }),
          ),
        }),
    ),
  });
}

// --- The parts of the document ----------------------------------------------------------------------

function headerTable(meta: DocumentMeta): Table {
  const s = DOCX_LAYOUT.size;
  const left = DOCX_LAYOUT.headerLeft;
  const right = CONTENT_WIDTH - left;
  const leftText = left - 2 * CELL_PADDING;
  const rightText = right - 2 * CELL_PADDING;
  const header = documentHeader(meta);
  const issuer = header.issuer.flatMap((l) => balancedLines(l, leftText, s.issuer, true));
  const parent = header.parentBody.flatMap((l) => balancedLines(l, leftText, s.parentBody, false));
  const issuerWidth = Math.max(...issuer.map((l) => textWidth(l, s.issuer, true)));
  const leftTop = [
    ...parent.map((l) => centred([run(l, { size: s.parentBody })])),
    ...issuer.map((l) => centred([run(l, { size: s.issuer, bold: true })])),
    // Decree 30: a line 1/3 to 1/2 as long as the issuer's name, centred under it.
    shortLine(Math.round(Math.min(issuerWidth, leftText) * 0.4), leftText),
  ];
  const rightTop = [
    centred([run(header.nationalName, { size: s.nationalName, bold: true })]),
    centred([run(header.motto, { size: s.motto, bold: true })]),
    // Decree 30: a line as long as the motto.
    shortLine(Math.min(textWidth(header.motto, s.motto, true), rightText), rightText),
  ];
  const leftBottom = [centred([run(header.number, { size: s.number })], { spacing: { before: 120, after: 0 } })];
  const rightBottom = [centred([run(header.placeDate ?? '', { size: s.placeDate, italic: true })], { spacing: { before: 120, after: 0 } })];
  return borderlessTable([left, right], [
    [leftTop, rightTop],
    [leftBottom, rightBottom],
  ]);
}

function titleBlock(meta: DocumentMeta): Paragraph[] {
  const s = DOCX_LAYOUT.size;
  const title = documentTitle(meta);
  const summaryLines = title.summary;
  const longest = Math.max(...summaryLines.map((l) => textWidth(l, s.summary, true)), 0);
  const out = [
    centred([run(title.documentType, { size: s.documentType, bold: true })], { spacing: { before: 360, after: 0 } }),
    centred(
      summaryLines.flatMap((l, i) => [run(l, { size: s.summary, bold: true }, i > 0 ? { break: 1 } : {})]),
      { keepNext: true },
    ),
  ];
  if (title.dataWindow) out.push(centred([run(title.dataWindow, { size: s.body, italic: true })]));
  out.push(shortLine(Math.round(Math.min(longest, CONTENT_WIDTH) * 0.4), CONTENT_WIDTH));
  const addressees = title.addressees;
  if (addressees.length === 1) {
    out.push(centred([run(addressees[0]!, { size: s.body })], { spacing: { before: 240, after: 120 } }));
  } else if (addressees.length > 1) {
    addressees.forEach((line, i) =>
      out.push(
        new Paragraph({
          indent: { left: i === 0 ? 2268 : 3402 },
          spacing: { before: i === 0 ? 240 : 0, after: i === addressees.length - 1 ? 120 : 0 },
          children: [run(line, { size: s.body })],
        }),
      ),
    );
  }
  out.push(new Paragraph({ spacing: { before: 0, after: 120 }, children: [] }));
  return out;
}

function itemParagraphs(item: BodyItem, keepNext = false): Paragraph[] {
  const body = { size: DOCX_LAYOUT.size.body };
  switch (item.type) {
    case 'section': {
      const style = { ...body, bold: true, italic: item.depth >= 2 };
      return [
        bodyParagraph([run(item.heading, style)], {
          keepNext: true,
          spacing: { before: item.depth === 0 ? 120 : 0, after: 120, line: 276, lineRule: LineRuleType.AUTO },
        }),
      ];
    }
    case 'paragraph':
      return [bodyParagraph(inlineRuns(item.runs, body), keepNext ? { keepNext: true } : {})];
    case 'subheading':
      return [bodyParagraph(inlineRuns(item.runs, { ...body, bold: true }), { keepNext: true })];
    case 'bullet':
      return [bodyParagraph([run(`${item.marker} `, body), ...inlineRuns(item.runs, body)])];
    case 'generated':
      return [bodyParagraph(lines(item.text, body))];
  }
}

function narrativeParagraphs(narrative: Narrative): Paragraph[] {
  // The closing sentence stays on the page of the signature block.
  return documentBody(narrative).flatMap((item: BodyItem & { part: BodyPart }) => itemParagraphs(item, item.part === 'closing'));
}

function signatureTable(meta: DocumentMeta): Table {
  const s = DOCX_LAYOUT.size;
  const left = DOCX_LAYOUT.signatureLeft;
  const right = CONTENT_WIDTH - left;
  const signature = documentSignature(meta);
  const leftCell = signature.recipients.length
    ? [
        new Paragraph({ ...tight, children: [run(RECIPIENTS_LABEL, { size: s.recipientsLabel, bold: true, italic: true })] }),
        ...signature.recipients.map((line) => new Paragraph({ ...tight, children: [run(line, { size: s.recipients })] })),
      ]
    : [];
  const rightCell = [
    ...signature.titleLines.map((line) => centred([run(line, { size: s.signature, bold: true })])),
    // Room for the signature and the seal.
    ...Array.from({ length: 4 }, () => centred([run('', { size: s.signature })])),
    centred([run(signature.name, { size: s.signature, bold: true })]),
  ];
  return borderlessTable([left, right], [[leftCell, rightCell]], true);
}

function pageNumberHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: DOCX_LAYOUT.size.pageNumber * 2 })],
      }),
    ],
  });
}

function tableCell(text: string, width: number, options: { bold?: boolean; italic?: boolean; align?: 'left' | 'center'; indent?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    children: [
      new Paragraph({
        alignment: options.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
        spacing: { before: 40, after: 40 },
        ...(options.indent ? { indent: { left: options.indent } } : {}),
        children: lines(text, { size: DOCX_LAYOUT.size.table, bold: options.bold ?? false, italic: options.italic ?? false }),
      }),
    ],
  });
}

function appendixWidths(valueColumns: number, total: number): number[] {
  const code = 900;
  const unit = valueColumns > 1 ? 1400 : 1700;
  const value = valueColumns > 1 ? Math.max(1000, Math.floor((total - code - unit - 5000) / valueColumns)) : 1600;
  const label = Math.max(3000, total - code - unit - value * valueColumns);
  return [code, label, unit, ...Array.from({ length: valueColumns }, () => value)];
}

function appendixTable(headers: string[], rows: AppendixRow[], columns: AppendixColumn[], total: number): Table {
  const widths = appendixWidths(columns.length, total);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h, i) => tableCell(h, widths[i]!, { bold: true })),
  });
  const body = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          tableCell(row.code, widths[0]!, { bold: row.bold && !row.codeIsNote, italic: row.codeIsNote }),
          tableCell(row.label, widths[1]!, { bold: row.bold, align: 'left', indent: row.indent * 284 }),
          tableCell(row.unit, widths[2]!),
          ...row.cells.map((cell, i) => tableCell(cell.type === 'blank' ? '' : cell.text, widths[3 + i]!, { bold: row.bold })),
        ],
      }),
  );
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

function appendixSection(template: Template, meta: DocumentMeta, columns: AppendixColumn[], landscape: boolean): ISectionOptions {
  const s = DOCX_LAYOUT.size;
  const width = landscape ? LANDSCAPE_WIDTH : CONTENT_WIDTH;
  const appendix = documentAppendix(template, meta, columns);
  const children: Array<Paragraph | Table> = appendix.heading.titleLines.map((line) => centred([run(line, { size: s.appendixTitle, bold: true })]));
  children.push(centred([run(appendix.heading.attachedTo, { size: s.appendixTitle, italic: true })], { spacing: { before: 0, after: 240 } }));
  children.push(appendixTable(appendix.headers, appendix.rows, columns, width));
  return {
    properties: {
      page: {
        size: {
          width: DOCX_LAYOUT.page.width,
          height: DOCX_LAYOUT.page.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: DOCX_LAYOUT.margins,
        // An appendix is numbered on its own (Decree 30/2020, Phụ lục I, III.1).
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children,
  };
}

/** The report as a .docx file. Throws a ZodError when `meta` or `narrative` is malformed. */
export async function reportDocx(input: ReportDocxInput): Promise<Buffer> {
  const meta = DocumentMetaSchema.parse(input.meta);
  const parsed = NarrativeSchema.parse(input.narrative);
  const outlined = applyOutline(parsed, templateOutline(input.template), input.nextPeriodLabel === undefined ? {} : { nextPeriodLabel: input.nextPeriodLabel });
  const narrative = refreshGenerated(
    outlined,
    paragraphGenerator({
      template: input.template,
      values: input.values,
      window: meta.dataWindow,
      unitName: meta.unitName,
      stats: input.stats ?? null,
      byField: input.byField ?? null,
    }),
  );
  const main: ISectionOptions = {
    properties: {
      page: {
        size: { width: DOCX_LAYOUT.page.width, height: DOCX_LAYOUT.page.height, orientation: PageOrientation.PORTRAIT },
        margin: DOCX_LAYOUT.margins,
        pageNumbers: { start: 1 },
      },
      // Page numbers from page 2: the first page has its own, empty header.
      titlePage: true,
    },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children: [
      headerTable(meta),
      ...titleBlock(meta),
      ...narrativeParagraphs(narrative),
      new Paragraph({ keepNext: true, spacing: { before: 0, after: 120 }, children: [] }),
      signatureTable(meta),
    ],
  };
  const sections = [main];
  const appendix = input.appendix ?? {};
  if (appendix.include !== false) {
    const columns = appendix.columns ?? [{ header: STANDARD_HEADERS.value, values: input.values }];
    const orientation = appendix.orientation ?? 'auto';
    const landscape = orientation === 'landscape' || (orientation === 'auto' && columns.length > 1);
    sections.push(appendixSection(input.template, meta, columns, landscape));
  }
  const document = new Document({
    creator: 'CCHC',
    title: cleanText(meta.summary).replace(/\n/g, ' '),
    styles: {
      default: {
        document: {
          run: { font: FONT, size: DOCX_LAYOUT.size.body * 2, language: { value: 'vi-VN' } },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(document);
}
