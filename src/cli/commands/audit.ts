import type { Command } from 'commander';
import { readAppendix, readingValues, type AppendixReading, type TablePlace } from '../../domain/legacy/read-appendix';
import { TemplateError } from '../../domain/templates/load-template';
import type { Template } from '../../domain/templates/template';
import { findingText, SEVERITY_LABELS, type Finding } from '../../domain/templates/validate';
import { readDocxDocument } from '../../import/docx-document';
import { UnreadableFileError } from '../../import/unreadable-file-error';
import { AppError } from '../../services/errors';
import { checkReport, shippedTemplates } from '../../services/templates/check-report';
import { CliError } from '../cli-error';
import { printResult } from '../output';

const place = (where: TablePlace) => `bảng ${where.table}, dòng ${where.row}`;

function templates(): Map<string, Template> {
  try {
    return shippedTemplates();
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(error.message, 1);
    throw error;
  }
}

/** Reads a report written as DOCX, recognises its template and runs the template's checks on what it printed. */
async function audit(file: string, templateId: string | undefined): Promise<{ reading: AppendixReading; findings: Finding[]; problems: string[] }> {
  const all = templates();
  const only = templateId === undefined ? undefined : all.get(templateId);
  if (templateId !== undefined && !only) throw new CliError(`không có biểu mẫu "${templateId}" (xem "cchc template list").`);
  let reading: AppendixReading | null;
  try {
    reading = readAppendix(await readDocxDocument(file), all.values(), only);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw new CliError(`không đọc được tệp "${file}": ${error.message}`, 2);
    throw error;
  }
  if (!reading) {
    throw new CliError(
      `không nhận ra biểu mẫu của tệp "${file}": không có bảng phụ lục nào khớp với các dòng (mã số, tên chỉ tiêu) của một biểu mẫu. Hãy chỉ rõ bằng --template (xem "cchc template list").`,
      2,
    );
  }
  try {
    const result = checkReport({ template: reading.template.id, values: readingValues(reading) }, all);
    return { reading, findings: result.findings, problems: result.problems };
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message, 2);
    throw error;
  }
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('đọc một báo cáo đã lập dạng Word (.docx), nhận ra biểu mẫu, đọc số liệu phụ lục và kiểm tra; mã thoát 1 khi có lỗi')
    .argument('<tệp>', 'tệp .docx của báo cáo')
    .option('--template <mã>', 'mã biểu mẫu (mặc định: tự nhận ra; xem "cchc template list")')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, options: { template?: string; json?: boolean }) => {
      const { reading, findings, problems } = await audit(file, options.template);
      const template = reading.template;
      const byRow = new Map(reading.values.map((v) => [v.rowId, v]));
      const located = findings.map((f) => {
        const read = byRow.get(f.row);
        return { ...f, where: read?.where ?? null, quote: read ? `${read.code ? `${read.code} ` : ''}${read.label}: ${read.raw}` : null };
      });
      const count = (severity: string) => findings.filter((f) => f.severity === severity).length;
      const errors = count('error');
      const applicable = template.rows.filter((r) => r.kind !== 'heading').length;
      printResult(
        Boolean(options.json),
        {
          file,
          template: { id: template.id, version: template.version, title: template.title },
          matchedRows: reading.matchedRows,
          templateRows: template.rows.length,
          values: reading.values,
          unmatched: reading.unmatched,
          findings: located,
          problems,
        },
        () =>
          [
            `Tệp "${file}": biểu mẫu ${template.id} (${template.title}); khớp ${reading.matchedRows}/${template.rows.length} dòng, đọc được ${reading.values.length}/${applicable} giá trị.`,
            ...located.map((f) => `${SEVERITY_LABELS[f.severity].toUpperCase()} ${findingText(template, f)}${f.where ? ` [${place(f.where)}]` : ''}`),
            ...reading.unmatched.map((u) => `CHƯA KHỚP [${place(u.where)}] ${u.code ? `${u.code} ` : ''}${u.label}: ${u.raw} — không ứng với dòng nào của biểu mẫu, chưa được kiểm tra.`),
            ...problems.map((p) => `CẢNH BÁO ${p}`),
            findings.length === 0 ? 'Không phát hiện lỗi trong số liệu phụ lục.' : `${errors} lỗi, ${count('warning')} cảnh báo, ${count('information')} thông tin.`,
          ].join('\n'),
      );
      if (errors > 0) process.exitCode = 1;
    });
}
