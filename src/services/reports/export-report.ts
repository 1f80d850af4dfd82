import { templateForLevel } from '../../domain/templates/template';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { existsSync } from 'node:fs';
import { reportDocx } from '../../export/report-docx';
import { reportXlsx } from '../../export/report-xlsx';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { AppError, invalidInput } from '../errors';
import { DocumentMetaSchema } from '../../domain/narrative/document-meta';
import { defaultNarrative, NarrativeSchema, type Narrative } from '../../domain/narrative/narrative';
import { cutoffWindow, parseCutoffRule, parsePeriodId, PeriodError, periodLabel, type Period } from '../../domain/period';
import { InterchangeSchema, resolveInterchangeValues } from '../../domain/templates/interchange';
import { readRowValue } from '../../domain/reports/row-input';
import { NOT_APPLICABLE } from '../../domain/reports/not-applicable';
import { shippedTemplates } from '../templates/check-report';
import { defaultMeta, documentOfView, reportViewFor, zodMessage } from './report-document';

export const EXPORT_FORMATS = ['docx', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

export interface ExportedFile {
  buffer: Buffer;
  fileName: string;
  contentType: string;
}

export const LIBREOFFICE_MISSING =
  'Chưa cài LibreOffice: trên Debian/Ubuntu chạy `sudo apt-get install libreoffice-writer-nogui` rồi thử lại.';

/** "bao-cao-cchc-01906-2026-Q1.docx". */
/** A piece of a download's file name: ASCII letters, digits and dashes only. */
export const fileNamePart = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');

export function exportFileName(unitCode: string, periodId: string, format: ExportFormat): string {
  return `bao-cao-cchc-${fileNamePart(unitCode) || 'don-vi'}-${fileNamePart(periodId) || 'ky'}.${format}`;
}

/** The LibreOffice program on PATH (soffice or libreoffice), or null. */
export function findSoffice(path = process.env.PATH ?? ''): string | null {
  for (const name of ['soffice', 'libreoffice']) {
    for (const dir of path.split(delimiter)) {
      if (dir && existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return null;
}

/** Converts a document with LibreOffice headlessly, in a temp dir with its own profile. */
export async function convertWithLibreOffice(input: Buffer, fromExt: string, to: string, options: { timeoutMs?: number } = {}): Promise<Buffer> {
  const soffice = findSoffice();
  if (!soffice) throw new AppError('libreoffice_missing', 501, LIBREOFFICE_MISSING);
  const dir = await mkdtemp(join(tmpdir(), 'cchc-convert-'));
  try {
    const source = join(dir, `bao-cao.${fromExt}`);
    await writeFile(source, input);
    await new Promise<void>((resolve, reject) => {
      execFile(
        soffice,
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', to, '--outdir', dir, source],
        { timeout: options.timeoutMs ?? 120_000 },
        (error, _stdout, stderr) => {
          if (error) reject(new AppError('conversion_failed', 500, `LibreOffice không chuyển được tệp: ${String(stderr || error.message).trim()}`));
          else resolve();
        },
      );
    });
    const ext = to.split(':')[0]!;
    const out = join(dir, `bao-cao.${ext}`);
    if (!existsSync(out)) throw new AppError('conversion_failed', 500, 'LibreOffice không tạo ra tệp kết quả.');
    return await readFile(out);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A report as the file an official signs (DOCX), its appendix as a sheet (XLSX), or the DOCX
 * converted to PDF by LibreOffice. Figures come from the report's values; the generated
 * paragraphs also read the window's statistics by field.
 */
export async function exportReport(store: Store, user: SessionUser | null, reportId: number, format: ExportFormat): Promise<ExportedFile> {
  if (!EXPORT_FORMATS.includes(format)) throw invalidInput(`Định dạng "${String(format)}" không hỗ trợ: chọn docx, xlsx hoặc pdf.`);
  const view = await reportViewFor(store, user, reportId);
  const doc = await documentOfView(store, view);
  const fileName = exportFileName(view.unit.code, view.report.periodId, format);
  // The rows of the unit's level only: a commune's appendix has no rows about the district.
  const template = templateForLevel(view.template, view.unit.level);
  let buffer: Buffer;
  if (format === 'xlsx') {
    buffer = await reportXlsx({
      template,
      values: view.values,
      title: template.title,
      subtitle: [doc.meta.appendixSubtitle, view.unit.name].filter(Boolean).join(' – '),
    });
  } else {
    const docx = await reportDocx({ template, values: view.values, meta: doc.meta, narrative: doc.narrative, stats: doc.stats, byField: doc.byField });
    buffer = format === 'pdf' ? await convertWithLibreOffice(docx, 'docx', 'pdf') : docx;
  }
  return { buffer, fileName, contentType: CONTENT_TYPES[format] };
}

/**
 * A report document from an interchange file, without the store: values by row id or printed code
 * (vi-VN notation), metadata defaults from `meta.unitName` ("UBND xã Ba Bể") and the period.
 */
export async function exportInterchange(data: unknown, format: ExportFormat, templates = shippedTemplates()): Promise<ExportedFile> {
  if (!EXPORT_FORMATS.includes(format)) throw invalidInput(`Định dạng "${String(format)}" không hỗ trợ: chọn docx, xlsx hoặc pdf.`);
  const parsed = InterchangeSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidInput(`Tệp số liệu không đúng định dạng: trường "${issue.path.join('.') || '(gốc)'}": ${issue.message}`);
  }
  const input = parsed.data;
  const template = templates.get(input.template);
  if (!template) throw invalidInput(`Không có biểu mẫu "${input.template}" (có: ${[...templates.keys()].join(', ')}).`);
  if (input.templateVersion && input.templateVersion !== template.version) {
    throw invalidInput(`Biểu mẫu "${template.id}" đang là phiên bản ${template.version}, tệp ghi phiên bản ${input.templateVersion}.`);
  }
  const resolved = resolveInterchangeValues(template, input.values);
  if (resolved.problems.length > 0) throw invalidInput(resolved.problems.join(' '));
  const values = new Map<string, { value: number | string | null }>();
  const problems: string[] = [];
  for (const [rowId, raw] of resolved.values) {
    const row = template.byId.get(rowId)!;
    const value = readRowValue(row, raw);
    // Printing needs numbers where the form has numbers; "không phát sinh" prints "-".
    if (typeof value === 'string' && value !== NOT_APPLICABLE && row.kind !== 'text' && row.kind !== 'date') {
      problems.push(`Dòng ${row.code ?? `"${rowId}"`}: "${raw}" không phải là số (ghi "-" nếu không phát sinh).`);
    }
    values.set(rowId, { value });
  }
  if (problems.length > 0) throw invalidInput(problems.join(' '));

  let period: Period | null = null;
  if (input.period) {
    try {
      period = parsePeriodId(input.period);
    } catch (error) {
      if (error instanceof PeriodError) throw invalidInput(`Trường "period": ${error.message}`);
      throw error;
    }
  }
  const given = input.meta ?? {};
  const unitName = typeof given.unitName === 'string' ? given.unitName.trim() : '';
  if (!unitName) throw invalidInput('Tệp cần trường "meta.unitName": tên đơn vị trong câu, ví dụ "UBND xã Ba Bể".');
  const label = period ? periodLabel(period) : null;
  if (!label && typeof given.summary !== 'string') throw invalidInput('Tệp cần trường "period" (ví dụ "2026-Q1") hoặc "meta.summary" (trích yếu).');
  const name = unitName.replace(/^(UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/iu, '');
  const window = period ? cutoffWindow(period, parseCutoffRule(template.cutoff)) : null;
  const defaults = defaultMeta({
    unit: { id: 0, code: input.unit ?? '', name, level: 'commune', parentId: null, validFrom: null, validTo: null },
    parents: [],
    report: { periodId: input.period ?? '', windowFrom: window?.from ?? '', windowTo: window?.to ?? '' },
    label,
  });
  const meta = DocumentMetaSchema.safeParse({ ...defaults, unitName, ...(window ? {} : { dataWindow: null }), ...given });
  if (!meta.success) throw invalidInput(zodMessage(meta.error, 'Thông tin văn bản (meta)'));
  let narrative: Narrative;
  if (input.narrative === undefined) narrative = defaultNarrative({ unitName, periodLabel: label ?? '' });
  else {
    const n = NarrativeSchema.safeParse(input.narrative);
    if (!n.success) throw invalidInput(zodMessage(n.error, 'Nội dung báo cáo (narrative)'));
    narrative = n.data;
  }
  const fileName = exportFileName(input.unit ?? 'don-vi', input.period ?? 'ky', format);
  let buffer: Buffer;
  if (format === 'xlsx') {
    buffer = await reportXlsx({ template, values, title: template.title, subtitle: [meta.data.appendixSubtitle, unitName].filter(Boolean).join(' – ') });
  } else {
    const docx = await reportDocx({ template, values, meta: meta.data, narrative });
    buffer = format === 'pdf' ? await convertWithLibreOffice(docx, 'docx', 'pdf') : docx;
  }
  return { buffer, fileName, contentType: CONTENT_TYPES[format] };
}
