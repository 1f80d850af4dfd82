import type { Command } from 'commander';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { REPORT_STATUS_LABELS } from '../../domain/reports/workflow';
import { findingText, SEVERITY_LABELS } from '../../domain/templates/validate';
import { readJsonFile } from '../../import/json-text';
import { AppError } from '../../services/errors';
import { importReportFile } from '../../services/reports/import-report-file';
import { actingUser } from '../acting-user';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { withStore } from '../with-store';

/** No report file is this big; a bigger one is refused before it is read. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The file as the other interchange readers read it: any supported encoding, bounded size and depth, located errors. */
function readJson(path: string): unknown {
  try {
    return readJsonFile(path, path, { maxBytes: MAX_FILE_BYTES });
  } catch (error) {
    if (error instanceof ImportRejectedError) throw new CliError(error.message, 2);
    throw error;
  }
}

/** `cchc report import FILE.json --as USER`: an interchange file into the unit's draft or returned report. */
export function registerReportImportCommand(program: Command): void {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('báo cáo của đơn vị');
  report
    .command('import')
    .description(
      'nhập số liệu từ tệp trao đổi (docs/interchange.md) vào báo cáo nháp hoặc bị trả lại của đơn vị: values, và khi có, notes (lý do sửa số tự động, lời giải trình), meta, narrative; mã thoát 1 khi bị từ chối',
    )
    .argument('<tệp>', 'tệp .json: {"template","unit","period","values":{…},"notes":{…},"meta":{…},"narrative":{…}}')
    .requiredOption('--as <tên đăng nhập>', 'cán bộ của đơn vị (được ghi vào nhật ký báo cáo)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (path: string, options: { as: string; json?: boolean }) => {
      const data = readJson(path);
      await withStore(async (store) => {
        const user = await actingUser(store, options.as);
        let result;
        try {
          result = await importReportFile(store, user, data);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const problems = (error.details as { problems?: unknown } | undefined)?.problems;
          const message = Array.isArray(problems) && problems.length > 1 ? `${path}: chưa nhập được tệp:\n${problems.map((p) => `  - ${String(p)}`).join('\n')}` : `${path}: ${error.message}`;
          throw new CliError(message, error.code === 'invalid_input' ? 2 : 1);
        }
        const { view } = result;
        const count = (severity: string) => view.findings.filter((f) => f.severity === severity).length;
        const json = {
          id: view.report.id,
          unit: { code: view.unit.code, name: view.unit.name },
          template: view.report.templateId,
          period: view.report.periodId,
          status: view.report.status,
          revision: view.report.revision,
          created: result.created,
          changed: result.changed,
          overridden: result.overridden,
          justified: result.justified,
          documentSaved: result.documentSaved,
          findings: view.findings,
        };
        printResult(Boolean(options.json), json, () =>
          [
            `Đã nhập ${path} vào báo cáo ${view.report.templateId} kỳ ${view.report.periodId} của ${view.unit.name} (${view.unit.code})${result.created ? ' (báo cáo mới lập)' : ''}, người thực hiện: ${user.displayName}.`,
            `${result.changed.length} dòng thay đổi, ${result.overridden.length} số tự động được sửa có lý do, ${result.justified} cảnh báo được giải trình${result.documentSaved ? ', văn bản báo cáo đã lưu' : ''}.`,
            `Trạng thái: ${REPORT_STATUS_LABELS[view.report.status]}. Kiểm tra: ${count('error')} lỗi, ${count('warning')} cảnh báo, ${count('information')} thông tin.`,
            ...view.findings.map((f) => `  ${SEVERITY_LABELS[f.severity].toUpperCase()} ${findingText(view.template, f)}`),
          ].join('\n'),
        );
      });
    });
}
