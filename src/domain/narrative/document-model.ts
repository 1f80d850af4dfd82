import type { Template } from '../templates/template';
import { appendixRows, STANDARD_HEADERS, type AppendixColumn, type AppendixRow } from './appendix';
import {
  addresseeLines,
  attachedToLine,
  dataWindowSentence,
  numberLine,
  parseDocumentDate,
  placeDateLine,
  recipientLines,
  signatureTitleLines,
  type DocumentMeta,
} from './document-meta';
import { flattenSections, generatedText, isOutdated, type Block, type Inline, type Narrative } from './narrative';
import { cleanText, upperVi } from './text';

/**
 * The report as it prints, part by part, in plain text: what the DOCX writer lays out in Word and
 * the web page's preview in HTML, so both print the same words in the same order. Layout (sizes,
 * lines, widths) is each writer's own.
 */

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const RECIPIENTS_LABEL = 'Nơi nhận:';

/** The two columns of the header (Decree 30/2020: issuer and number left, national name and date right). */
export interface DocumentHeader {
  /** Upper case, not bold. */
  parentBody: string[];
  /** Upper case, bold. */
  issuer: string[];
  /** "Số: 165/BC-UBND". */
  number: string;
  nationalName: string;
  motto: string;
  /** "Lê Hồng, ngày 13 tháng 6 năm 2022"; null while the date is not a real one (the preview of a form being filled). */
  placeDate: string | null;
}

export function documentHeader(meta: DocumentMeta): DocumentHeader {
  const upper = (line: string) => upperVi(cleanText(line).trim());
  return {
    parentBody: meta.parentBody.map(upper).filter((l) => l !== ''),
    issuer: meta.issuer.map(upper).filter((l) => l !== ''),
    number: numberLine(meta),
    nationalName: NATIONAL_NAME,
    motto: MOTTO,
    placeDate: parseDocumentDate(meta.date) ? placeDateLine(meta.place, meta.date) : null,
  };
}

/** "BÁO CÁO", the summary lines, the data window and "Kính gửi". */
export interface DocumentTitle {
  documentType: string;
  summary: string[];
  dataWindow: string | null;
  /** One line "Kính gửi: X." or "Kính gửi:" and a list. */
  addressees: string[];
}

export function documentTitle(meta: DocumentMeta): DocumentTitle {
  return {
    documentType: upperVi(cleanText(meta.documentType).trim()),
    summary: cleanText(meta.summary)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    dataWindow: meta.dataWindow ? dataWindowSentence(meta.dataWindow) : null,
    addressees: addresseeLines(meta.addressees),
  };
}

/** One printed element of the body, in order: preamble, section headings and their blocks, closing. */
export type BodyItem =
  | { type: 'section'; sectionId: string; depth: number; heading: string }
  | { type: 'paragraph'; runs: Inline[] }
  /** A free sub-heading inside a section, bold. */
  | { type: 'subheading'; runs: Inline[] }
  | { type: 'bullet'; marker: '-' | '+'; runs: Inline[] }
  /** A paragraph generated from the figures (or the official's edit of it); plain text, line breaks kept. */
  | { type: 'generated'; key: string; text: string; edited: boolean; outdated: boolean };

export type BodyPart = 'preamble' | 'sections' | 'closing';

/** A block's printed items; a generated paragraph with nothing to say prints nothing. */
export function blockItems(block: Block): BodyItem[] {
  switch (block.type) {
    case 'paragraph':
      return [{ type: 'paragraph', runs: block.runs }];
    case 'heading':
      return [{ type: 'subheading', runs: block.runs }];
    case 'bullets':
      return block.items.map((runs) => ({ type: 'bullet' as const, marker: block.marker, runs }));
    case 'generated': {
      const text = generatedText(block);
      return text.trim() === '' ? [] : [{ type: 'generated', key: block.key, text, edited: block.edited !== null, outdated: isOutdated(block) }];
    }
  }
}

/** The body in printed order, each item with the part it belongs to. */
export function documentBody(narrative: Narrative): Array<BodyItem & { part: BodyPart }> {
  const out: Array<BodyItem & { part: BodyPart }> = [];
  for (const block of narrative.preamble) for (const item of blockItems(block)) out.push({ ...item, part: 'preamble' });
  for (const { section, depth, heading } of flattenSections(narrative.sections)) {
    out.push({ type: 'section', sectionId: section.id, depth, heading, part: 'sections' });
    for (const block of section.blocks) for (const item of blockItems(block)) out.push({ ...item, part: 'sections' });
  }
  for (const block of narrative.closing) for (const item of blockItems(block)) out.push({ ...item, part: 'closing' });
  return out;
}

/** The signature block (right) and "Nơi nhận" (left). */
export interface DocumentSignature {
  /** ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  titleLines: string[];
  name: string;
  /** "- UBND tỉnh;" … "- Lưu: VT."; [] prints no "Nơi nhận". */
  recipients: string[];
}

export function documentSignature(meta: DocumentMeta): DocumentSignature {
  return { titleLines: signatureTitleLines(meta.signature), name: cleanText(meta.signature.name).trim(), recipients: recipientLines(meta.recipients) };
}

/** The lines above the appendix table: "Phụ lục" (unless the title says it), the title, the period, "(Kèm theo …)". */
export interface AppendixHeading {
  /** Bold, centred, upper case except "Phụ lục". */
  titleLines: string[];
  /** Italic. */
  attachedTo: string;
}

export function appendixHeading(template: Pick<Template, 'title'>, meta: DocumentMeta): AppendixHeading {
  const title = cleanText(template.title).trim();
  const lines: string[] = [];
  if (!/^(phụ lục|biểu)/i.test(title)) lines.push('Phụ lục');
  lines.push(upperVi(title));
  if (meta.appendixSubtitle?.trim()) lines.push(upperVi(cleanText(meta.appendixSubtitle).trim()));
  return { titleLines: lines, attachedTo: attachedToLine(meta) };
}

/** The appendix: heading, column headers and rows. */
export interface DocumentAppendix {
  heading: AppendixHeading;
  headers: string[];
  rows: AppendixRow[];
}

export function documentAppendix(template: Template, meta: DocumentMeta, columns: AppendixColumn[]): DocumentAppendix {
  return {
    heading: appendixHeading(template, meta),
    headers: [STANDARD_HEADERS.code, STANDARD_HEADERS.label, STANDARD_HEADERS.unit, ...columns.map((c) => c.header)],
    rows: appendixRows(template, columns),
  };
}

/** The whole document, for a preview. */
export interface DocumentModel {
  header: DocumentHeader;
  title: DocumentTitle;
  body: Array<BodyItem & { part: BodyPart }>;
  signature: DocumentSignature;
  appendix: DocumentAppendix | null;
}

export function documentModel(input: { meta: DocumentMeta; narrative: Narrative; template?: Template | null; columns?: AppendixColumn[] | null }): DocumentModel {
  const { meta, narrative, template, columns } = input;
  return {
    header: documentHeader(meta),
    title: documentTitle(meta),
    body: documentBody(narrative),
    signature: documentSignature(meta),
    appendix: template && columns ? documentAppendix(template, meta, columns) : null,
  };
}
