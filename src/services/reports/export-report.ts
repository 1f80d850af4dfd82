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
import { documentOfView, reportViewFor } from './report-document';

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
export function exportFileName(unitCode: string, periodId: string, format: ExportFormat): string {
  const safe = (text: string) => text.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  return `bao-cao-cchc-${safe(unitCode) || 'don-vi'}-${safe(periodId) || 'ky'}.${format}`;
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
  let buffer: Buffer;
  if (format === 'xlsx') {
    buffer = await reportXlsx({
      template: view.template,
      values: view.values,
      title: view.template.title,
      subtitle: [doc.meta.appendixSubtitle, view.unit.name].filter(Boolean).join(' – '),
    });
  } else {
    const docx = await reportDocx({ template: view.template, values: view.values, meta: doc.meta, narrative: doc.narrative, stats: doc.stats, byField: doc.byField });
    buffer = format === 'pdf' ? await convertWithLibreOffice(docx, 'docx', 'pdf') : docx;
  }
  return { buffer, fileName, contentType: CONTENT_TYPES[format] };
}
