import { z } from 'zod';
import { formatDateVi, parseDate } from '../text/iso-date';
import { cleanText } from './text';

/**
 * The parts of a report that Decree 30/2020/NĐ-CP (Phụ lục I) places around the body: the issuing
 * body and its number on the left of the header, the place and date on the right, the document type
 * and summary, the addressees, the signature block and the recipients ("Nơi nhận").
 */

const Lines = z.array(z.string());

/** "2024", "2024-03" or "2024-03-15": the day (or the month) may be left for the clerk to write by hand. */
const DocumentDateText = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'ngày ban hành viết YYYY, YYYY-MM hoặc YYYY-MM-DD')
  .refine((text) => parseDocumentDate(text) !== null, 'ngày ban hành không có trong lịch');

export const SignatureSchema = z
  .object({
    /** "ỦY BAN NHÂN DÂN" → printed "TM. ỦY BAN NHÂN DÂN" (signing on behalf of a collective body); null when the head signs for himself. */
    onBehalfOf: z.string().nullable().default(null),
    /** direct: the head signs ("CHỦ TỊCH"); KT.: a deputy signs for the head; Q.: an acting head signs. */
    authority: z.enum(['direct', 'KT.', 'Q.']).default('direct'),
    /** The head's title: "CHỦ TỊCH". */
    headTitle: z.string().min(1),
    /** The signer's own title when it differs from the head's: "PHÓ CHỦ TỊCH" (required with KT.). */
    signerTitle: z.string().nullable().default(null),
    /** The signer's full name; may be empty while the draft circulates. */
    name: z.string().default(''),
  })
  .strict()
  .refine((s) => s.authority !== 'KT.' || (s.signerTitle ?? '').trim() !== '', {
    message: 'ký thay (KT.) cần chức vụ của người ký, ví dụ "PHÓ CHỦ TỊCH".',
    path: ['signerTitle'],
  });

export const DocumentMetaSchema = z
  .object({
    /** The body above the issuer, printed not bold ("UBND HUYỆN THANH MIỆN"); [] when none (two-level government). */
    parentBody: Lines.default([]),
    /** The issuing body, one entry per printed line: ["ỦY BAN NHÂN DÂN", "XÃ LÊ HỒNG"]. */
    issuer: Lines.min(1),
    /** How sentences name the issuer: "UBND xã Lê Hồng". */
    unitName: z.string().min(1),
    /** The registry number; null leaves it blank for the clerk ("Số:      /BC-UBND"). */
    number: z.string().nullable().default(null),
    symbol: z.string().min(1).default('BC-UBND'),
    place: z.string().min(1),
    date: DocumentDateText,
    /** "Kính gửi"; [] prints no line. */
    addressees: Lines.default([]),
    documentType: z.string().min(1).default('BÁO CÁO'),
    /** Trích yếu; a line break ("\n") starts a new line. */
    summary: z.string().min(1),
    /** The dates the figures cover, ISO; printed "(Số liệu tính từ ngày … đến ngày …)". */
    dataWindow: z.object({ from: z.string(), to: z.string() }).strict().nullable().default(null),
    signature: SignatureSchema,
    /** Nơi nhận, one entry per line; the dash and the final punctuation are added when missing. */
    recipients: Lines.default([]),
    /** A line under the appendix title, e.g. "Quý I năm 2024". */
    appendixSubtitle: z.string().nullable().default(null),
  })
  .strict();

export type SignatureBlock = z.infer<typeof SignatureSchema>;
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;
/** What a caller writes: defaults may be left out. */
export type DocumentMetaInput = z.input<typeof DocumentMetaSchema>;

export interface DocumentDate {
  year: number;
  month: number | null;
  day: number | null;
}

/** "2024-03-15" → {2024, 3, 15}; "2024-03" → day left blank; null for an impossible date. */
export function parseDocumentDate(text: string): DocumentDate | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : null;
  const day = m[3] ? Number(m[3]) : null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (day !== null && parseDate(text.trim()) === null) return null;
  return { year, month, day };
}

/** Room left for a figure written by hand. */
export const BLANK = '\u00a0'.repeat(7);

/**
 * Decree 30/2020: days below 10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 02"),
 * other months do not ("tháng 6").
 */
export function padDay(day: number): string {
  return day < 10 ? `0${day}` : String(day);
}
export function padMonth(month: number): string {
  return month <= 2 ? `0${month}` : String(month);
}

/** "Lê Hồng, ngày 13 tháng 6 năm 2022"; a missing day or month is left blank. */
export function placeDateLine(place: string, date: string): string {
  const d = parseDocumentDate(date);
  if (!d) throw new Error(`Ngày ban hành không hợp lệ: "${date}".`);
  const day = d.day === null ? BLANK : padDay(d.day);
  const month = d.month === null ? BLANK : padMonth(d.month);
  return `${cleanText(place).trim()}, ngày ${day} tháng ${month} năm ${d.year}`;
}

/** "Số: 165/BC-UBND"; without a number "Số:       /BC-UBND". Numbers below 10 take a leading zero. */
export function numberLine(meta: Pick<DocumentMeta, 'number' | 'symbol'>): string {
  const raw = meta.number?.trim() ?? '';
  const number = raw === '' ? BLANK : /^\d$/.test(raw) ? `0${raw}` : raw;
  return `Số: ${number}/${meta.symbol.trim()}`;
}

/** "(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)". */
export function dataWindowSentence(window: { from: string; to: string }): string {
  return `(Số liệu tính từ ngày ${viDate(window.from)} đến ngày ${viDate(window.to)})`;
}

/** An ISO date as dd/mm/yyyy; anything else as it is. */
export function viDate(iso: string): string {
  const date = parseDate(iso);
  return date ? formatDateVi(date) : iso;
}

/** The printed lines above the signature: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
export function signatureTitleLines(signature: SignatureBlock): string[] {
  const upper = (text: string) => cleanText(text).trim().toLocaleUpperCase('vi');
  const lines: string[] = [];
  if (signature.onBehalfOf?.trim()) lines.push(`TM. ${upper(signature.onBehalfOf)}`);
  const head = upper(signature.headTitle);
  const own = signature.signerTitle?.trim() ? upper(signature.signerTitle) : null;
  if (signature.authority === 'KT.') lines.push(`KT. ${head}`, own ?? '');
  else if (signature.authority === 'Q.') lines.push(`Q. ${head}`);
  else lines.push(head);
  return lines;
}

/**
 * The recipients as printed under "Nơi nhận:": each line starts with "- " and ends with ";", the
 * last with "." (Decree 30/2020, Phụ lục I, II.9). Punctuation already written is kept.
 */
export function recipientLines(recipients: string[]): string[] {
  const items = recipients.map((r) => cleanText(r).trim().replace(/^[-–+•]\s*/, '')).filter((r) => r !== '');
  return items.map((item, index) => {
    const last = index === items.length - 1;
    const bare = item.replace(/[;.,]+$/, '');
    const ending = last ? '.' : ';';
    return `- ${bare}${ending}`;
  });
}

/** "Kính gửi: X." on one line for one addressee; a list for several. */
export function addresseeLines(addressees: string[]): string[] {
  const items = addressees.map((a) => cleanText(a).trim().replace(/^[-–+•]\s*/, '').replace(/[;.,]+$/, '')).filter((a) => a !== '');
  if (items.length === 0) return [];
  if (items.length === 1) return [`Kính gửi: ${items[0]}.`];
  return ['Kính gửi:', ...items.map((item, i) => `- ${item}${i === items.length - 1 ? '.' : ';'}`)];
}

/** "(Kèm theo Báo cáo số 165/BC-UBND ngày 13/06/2022 của UBND xã Lê Hồng)" — blanks where number or day are not known yet. */
export function attachedToLine(meta: Pick<DocumentMeta, 'number' | 'symbol' | 'date' | 'unitName' | 'documentType'>): string {
  const d = parseDocumentDate(meta.date);
  const number = meta.number?.trim() ? meta.number.trim() : BLANK;
  const type = meta.documentType.trim().toLocaleLowerCase('vi');
  const typeName = type.charAt(0).toLocaleUpperCase('vi') + type.slice(1);
  const two = (n: number | null) => (n === null ? BLANK : String(n).padStart(2, '0'));
  const date = d ? `${two(d.day)}/${two(d.month)}/${d.year}` : meta.date;
  return `(Kèm theo ${typeName} số ${number}/${meta.symbol.trim()} ngày ${date} của ${cleanText(meta.unitName).trim()})`;
}
