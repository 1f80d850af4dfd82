import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { readJsonFile } from '../../import/json-text';
import { AppError } from '../../services/errors';
import { EXPORT_FORMATS, exportInterchange, exportReport, type ExportedFile, type ExportFormat } from '../../services/reports/export-report';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { unitsByCode } from '../unit-lookup';
import { withStore } from '../with-store';

function formatOf(value: string): ExportFormat {
  const format = value.trim().toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new CliError(`--format: "${value}" không hỗ trợ; chọn docx, xlsx hoặc pdf.`);
  return format as ExportFormat;
}

function write(file: ExportedFile, out: string | undefined, json: boolean): void {
  const path = out ?? file.fileName;
  try {
    writeFileSync(path, file.buffer);
  } catch (error) {
    throw new CliError(`không ghi được tệp "${path}" (${(error as Error).message}).`, 1);
  }
  printResult(json, { path, bytes: file.buffer.length, contentType: file.contentType }, () => `Đã ghi ${path} (${file.buffer.length.toLocaleString('vi-VN')} byte).`);
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message, error.code === 'conversion_failed' ? 1 : 2);
    throw error;
  }
}

/** `cchc export FILE.json` and `cchc report export`: the report document as DOCX, XLSX or PDF. */
export function registerExportCommands(program: Command): void {
  program
    .command('export')
    .description('xuất văn bản báo cáo (DOCX, XLSX hoặc PDF) từ tệp JSON trao đổi, không cần kho dữ liệu')
    .argument('<tệp>', 'tệp .json: {"template","unit","period","values":{…},"meta":{"unitName":"UBND xã …",…},"narrative":{…}}')
    .requiredOption('--format <định dạng>', 'docx, xlsx hoặc pdf')
    .option('--out <tệp>', 'tệp kết quả (mặc định: bao-cao-cchc-<mã>-<kỳ>.<định dạng>)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (path: string, options: { format: string; out?: string; json?: boolean }) => {
      const format = formatOf(options.format);
      let data: unknown;
      try {
        data = readJsonFile(path);
      } catch (error) {
        if (error instanceof ImportRejectedError) throw new CliError(error.message, 2);
        throw error;
      }
      const file = await run(() => exportInterchange(data, format));
      write(file, options.out, Boolean(options.json));
    });

  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('báo cáo của đơn vị');
  report
    .command('export')
    .description('xuất văn bản báo cáo đã lập trong kho (lập trước bằng "cchc report compute")')
    .requiredOption('--unit <mã>', 'mã đơn vị')
    .requiredOption('--template <mã>', 'mã biểu mẫu')
    .requiredOption('--period <kỳ>', 'kỳ báo cáo: 2026-Q1, 2026-H1, 2026-9M, 2026-M03, 2026')
    .requiredOption('--format <định dạng>', 'docx, xlsx hoặc pdf')
    .option('--out <tệp>', 'tệp kết quả (mặc định: bao-cao-cchc-<mã>-<kỳ>.<định dạng>)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; template: string; period: string; format: string; out?: string; json?: boolean }) => {
      const format = formatOf(options.format);
      await withStore(async (store) => {
        // Newest era first: a code may name two units across the 2025 reform.
        const units = await unitsByCode(store, options.unit);
        let found = null;
        for (const unit of units) {
          found = await store.reports.find(unit.id, options.template, options.period);
          if (found) break;
        }
        if (!found) {
          throw new CliError(
            `chưa có báo cáo ${options.template} kỳ ${options.period} của đơn vị ${options.unit}; lập trước bằng: cchc report compute --unit ${options.unit} --template ${options.template} --period ${options.period}`,
          );
        }
        const file = await run(() => exportReport(store, null, found.id, format));
        write(file, options.out, Boolean(options.json));
      });
    });
}
