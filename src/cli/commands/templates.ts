import type { Command } from 'commander';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { readJsonFile } from '../../import/json-text';
import { TemplateError } from '../../domain/templates/load-template';
import { templateJsonSchema, type Template } from '../../domain/templates/template';
import { AppError } from '../../services/errors';
import { checkReport, shippedTemplates } from '../../services/templates/check-report';
import { loadTemplateFile } from '../../services/templates/template-files';
import { computeReport } from '../../services/reports/compute-report';
import { cutoffWindow, parseCutoffRule, parsePeriodId, PeriodError } from '../../domain/period';
import { formatDateVi, parseDate } from '../../domain/text/iso-date';
import { formatViNumber } from '../../domain/templates/vi-number';
import { findingText, SEVERITY_LABELS } from '../../domain/templates/validate';
import { withStore } from '../with-store';
import { CliError } from '../cli-error';
import { describeProcedureQuery } from '../../domain/procedures/unit-procedure';
import { describeRegisterQuery } from '../../domain/registers/registers';
import { printResult } from '../output';

function sourceOf(row: Template['rows'][number]): string {
  if (row.kind === 'heading') return '';
  const source = row.source;
  if (!source || source === 'manual') return 'manual';
  if ('manual' in source) return 'manual (lấy kỳ trước)';
  if ('metric' in source) return `metric: ${source.metric}${source.window === 'cumulative' ? ' (lũy kế)' : ''}`;
  if ('formula' in source) return `formula: ${source.formula}`;
  if ('procedures' in source) return `procedures: ${describeProcedureQuery(source)}`;
  if ('register' in source) return `register: ${describeRegisterQuery(source)}`;
  return `count_units: ${source.count_units.row} = ${source.count_units.equals}`;
}

function templates(): Map<string, Template> {
  try {
    return shippedTemplates();
  } catch (error) {
    if (error instanceof TemplateError) throw new CliError(error.message, 1);
    throw error;
  }
}

export function registerTemplateCommands(program: Command): void {
  const template = program.command('template').description('biểu mẫu báo cáo (phụ lục)');
  template
    .command('list')
    .description('liệt kê các biểu mẫu')
    .option('--json', 'in kết quả dạng JSON')
    .action((options: { json?: boolean }) => {
      const all = [...templates().values()].map((t) => ({ id: t.id, version: t.version, title: t.title, issuer: t.issuer, rows: t.rows.length, cutoff: t.cutoff, periods: t.periods }));
      printResult(Boolean(options.json), all, () => all.map((t) => `${t.id.padEnd(24)} v${t.version.padEnd(8)} ${String(t.rows).padStart(4)} dòng  ${t.title} — ${t.issuer}`).join('\n'));
    });
  template
    .command('show')
    .description('các dòng của một biểu mẫu')
    .argument('<mã>', 'mã biểu mẫu')
    .option('--json', 'in kết quả dạng JSON')
    .action((id: string, options: { json?: boolean }) => {
      const found = templates().get(id);
      if (!found) throw new CliError(`không có biểu mẫu "${id}" (xem "cchc template list").`);
      const rows = found.rows.map((row) => ({
        id: row.id,
        code: row.code ?? null,
        label: row.label,
        unit: row.unit ?? null,
        kind: row.kind,
        source: row.source ?? 'manual',
        concept: row.concept ?? null,
        levels: row.levels ?? null,
        optional: row.optional ?? false,
        depth: row.depth,
      }));
      printResult(Boolean(options.json), { id: found.id, version: found.version, title: found.title, cutoff: found.cutoff, rows }, () =>
        [
          `${found.title} (${found.id} v${found.version}) — ${found.issuer}`,
          ...found.rows.map((row) => `${'  '.repeat(row.depth)}${(row.code ?? (row.isPart ? '–' : '')).padEnd(9)} ${row.label}${row.unit ? ` [${row.unit}]` : ''}${sourceOf(row) ? `  ‹${sourceOf(row)}›` : ''}`),
        ].join('\n'),
      );
    });
  template
    .command('schema')
    .description('in JSON Schema của định dạng biểu mẫu (docs/template.schema.json)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(templateJsonSchema(), null, 2)}\n`);
    });
  template
    .command('validate')
    .description('kiểm tra một tệp biểu mẫu YAML')
    .argument('<tệp>', 'tệp .yaml')
    .action((file: string) => {
      try {
        const loaded = loadTemplateFile(file);
        process.stdout.write(`Biểu mẫu hợp lệ: ${loaded.id} v${loaded.version}, ${loaded.rows.length} dòng, ${loaded.rules.length} quy tắc riêng.\n`);
      } catch (error) {
        if (error instanceof TemplateError) throw new CliError(error.message, 1);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CliError(`không đọc được tệp "${file}".`);
        throw error;
      }
    });

  program
    .command('check')
    .description('kiểm tra số liệu một báo cáo (tệp JSON trao đổi) theo biểu mẫu; mã thoát 1 khi có lỗi')
    .argument('<tệp>', 'tệp .json (docs/interchange.md): {"template","unit","period","values":{"<mã dòng hoặc mã in>":"196,5" | "-"},"notes":{…}}')
    .option('--json', 'in kết quả dạng JSON')
    .action((file: string, options: { json?: boolean }) => {
      let data: unknown;
      try {
        data = readJsonFile(file);
      } catch (error) {
        if (error instanceof ImportRejectedError) throw new CliError(error.message, 2);
        throw error;
      }
      let result;
      try {
        result = checkReport(data, templates());
      } catch (error) {
        if (error instanceof AppError) throw new CliError(error.message, 2);
        throw error;
      }
      const count = (severity: string) => result.findings.filter((f) => f.severity === severity).length;
      const errors = count('error');
      const template = templates().get(result.template.id)!;
      const justified = new Map(result.justifications.map((j) => [`${j.rule}|${j.rowId}`, j.text]));
      printResult(Boolean(options.json), { findings: result.findings, problems: result.problems, justifications: result.justifications }, () =>
        [
          ...result.findings.map((f) => {
            const note = justified.get(`${f.rule}|${f.row}`);
            return `${SEVERITY_LABELS[f.severity].toUpperCase()} ${findingText(template, f)}${note ? ` Đã giải trình: ${note}` : ''}`;
          }),
          ...result.problems.map((p) => `CẢNH BÁO ${p}`),
          result.findings.length === 0
            ? `Không phát hiện lỗi (biểu mẫu ${result.template.id}).`
            : `${errors} lỗi, ${count('warning')} cảnh báo (${justified.size} đã giải trình), ${count('information')} thông tin.`,
        ].join('\n'),
      );
      if (errors > 0) process.exitCode = 1;
    });
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('báo cáo của đơn vị');
  report
    .command('compute')
    .description('lập hoặc tính lại báo cáo nháp của một đơn vị cho một kỳ từ dữ liệu hồ sơ')
    .requiredOption('--unit <mã>', 'mã đơn vị')
    .requiredOption('--template <mã>', 'mã biểu mẫu (xem "cchc template list")')
    .requiredOption('--period <kỳ>', 'kỳ báo cáo: 2026-Q1, 2026-H1, 2026-9M, 2026-M03, 2026')
    .option('--as-of <ngày>', 'chọn đơn vị còn hiệu lực vào ngày này (mặc định: ngày cuối kỳ)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; template: string; period: string; asOf?: string; json?: boolean }) => {
      const template = templates().get(options.template);
      if (!template) throw new CliError(`--template: không có biểu mẫu "${options.template}" (xem "cchc template list").`);
      let periodEnd: string;
      try {
        periodEnd = cutoffWindow(parsePeriodId(options.period), parseCutoffRule(template.cutoff)).to;
      } catch (error) {
        if (error instanceof PeriodError) throw new CliError(`--period: ${error.message}`);
        throw error;
      }
      await withStore(async (store) => {
        const asOf = options.asOf ? parseDate(options.asOf) : periodEnd;
        if (!asOf) throw new CliError(`--as-of: ngày "${options.asOf}" không hợp lệ.`);
        // A code may name two units across the 2025 reform (01906: Xã Khang Ninh until 30/06/2025, Xã Ba Bể since).
        const candidates = await store.units.findByCode(options.unit);
        const unit = candidates.find((u) => (u.validFrom ?? '') <= asOf && (u.validTo ?? '9999') >= asOf);
        if (!unit) {
          throw new CliError(
            candidates.length === 0 ? `--unit: không có đơn vị mã "${options.unit}".` : `--unit: đơn vị mã "${options.unit}" không còn hiệu lực ngày ${formatDateVi(asOf)}.`,
          );
        }
        let view;
        try {
          view = await computeReport(store, null, { unitId: unit.id, templateId: options.template, periodId: options.period });
        } catch (error) {
          if (error instanceof AppError) throw new CliError(error.message, 2);
          throw error;
        }
        const errors = view.findings.filter((f) => f.severity === 'error').length;
        const json = {
          id: view.report.id,
          unit: { code: unit.code, name: unit.name },
          template: view.report.templateId,
          period: view.report.periodId,
          window: { from: view.report.windowFrom, to: view.report.windowTo },
          revision: view.report.revision,
          values: Object.fromEntries([...view.values].map(([id, v]) => [id, v.value])),
          findings: view.findings,
        };
        printResult(Boolean(options.json), json, () =>
          [
            `Báo cáo ${view.template.title} — ${unit.name}, kỳ ${view.report.periodId} (số liệu ${view.report.windowFrom} → ${view.report.windowTo}), lần sửa ${view.report.revision}.`,
            ...view.template.rows
              .filter((row) => view.values.get(row.id)?.value !== null && view.values.get(row.id)?.value !== undefined)
              .map((row) => {
                const value = view.values.get(row.id)!.value;
                return `  ${(row.code ?? '').padEnd(9)} ${row.label}: ${typeof value === 'number' ? formatViNumber(value) : value} ${row.unit ?? ''}`;
              }),
            errors === 0 ? 'Kiểm tra: không có lỗi.' : `Kiểm tra: ${errors} lỗi.`,
          ].join('\n'),
        );
      });
    });
}
