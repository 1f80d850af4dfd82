import type { Command } from 'commander';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { ONLINE_MODE_LABELS } from '../../domain/procedures/procedure';
import { formatDateVi, parseDate } from '../../domain/text/iso-date';
import { AppError } from '../../services/errors';
import { computeDossierStats } from '../../services/dossiers/compute-dossier-stats';
import { importDossiers } from '../../services/dossiers/import-dossiers';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { generateDemoDossiers } from '../../services/demo/seed-demo-dossiers';
import type { StatsBreakdown } from '../../store/repositories/dossier-stats.repository';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { withStore } from '../with-store';
import { formatStatsTable } from '../stats-table';

const n = (value: number) => value.toLocaleString('vi-VN');

/** Exit code when a file was imported but some of its rows were rejected. */
export const EXIT_PARTIAL = 3;

function rethrowAsCli(error: unknown): never {
  if (error instanceof ImportRejectedError || error instanceof AppError) throw new CliError(error.message, 2);
  throw error;
}

export function registerDossierCommands(program: Command): void {
  const procedures = program.command('procedures').description('danh mục thủ tục hành chính');
  procedures
    .command('import')
    .description('nạp danh mục thủ tục từ CSV/XLSX (Mã thủ tục, Tên thủ tục, Lĩnh vực, Cấp thực hiện, Mức độ, Thời hạn giải quyết, Có phí, Liên thông)')
    .argument('<tệp>', 'tệp .csv hoặc .xlsx')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      await withStore(async (store) => {
        const result = await importProcedures(store, file).catch(rethrowAsCli);
        printResult(Boolean(options.json), result, () =>
          `Đã nạp ${n(result.rows)} thủ tục: thêm mới ${n(result.inserted)}, cập nhật ${n(result.updated)}, không đổi ${n(result.unchanged)}.`,
        );
      });
    });
  procedures
    .command('list')
    .description('liệt kê danh mục thủ tục')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { json?: boolean }) => {
      await withStore(async (store) => {
        const all = await store.procedures.all();
        printResult(Boolean(options.json), all, () =>
          all.map((p) => `${p.code.padEnd(12)} ${p.field.padEnd(22)} ${ONLINE_MODE_LABELS[p.onlineMode].padEnd(18)} ${String(p.statutoryDays).padStart(3)} ngày  ${p.name}`).join('\n'),
        );
      });
    });

  const importCommand = program.command('import').description('nhập dữ liệu từ phần mềm một cửa');
  importCommand
    .command('dossiers')
    .description('nhập danh sách hồ sơ (CSV/XLSX); dòng lỗi bị bỏ qua và được liệt kê, dòng đúng được nhập; nhập lại cùng tệp không thay đổi gì')
    .argument('<tệp>', 'tệp .csv hoặc .xlsx xuất từ phần mềm một cửa')
    .requiredOption('--source <tên>', 'tên hệ thống nguồn (cùng với mã hồ sơ tạo thành khóa nhập)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, options: { source: string; json?: boolean }) => {
      await withStore(async (store) => {
        let lastReport = 0;
        const onProgress = (rows: number) => {
          if (options.json || Date.now() - lastReport < 1000) return;
          lastReport = Date.now();
          process.stderr.write(`Đã đọc ${n(rows)} dòng…\n`);
        };
        const result = await importDossiers(store, { path: file, source: options.source, actor: null, onProgress }).catch(rethrowAsCli);
        const summary = {
          inserted: result.inserted,
          updated: result.updated,
          unchanged: result.unchanged,
          rejected: result.rejected,
          errors: result.errors,
        };
        printResult(Boolean(options.json), summary, () =>
          [
            `Đã nhập ${file} (nguồn ${options.source}): thêm mới ${n(result.inserted)}, cập nhật ${n(result.updated)}, không đổi ${n(result.unchanged)}, bị từ chối ${n(result.rejected)}.`,
            ...result.errors.slice(0, 50).map((e) => `  dòng ${e.row}, cột "${e.column}", giá trị "${e.value}": ${e.message}`),
            ...(result.errors.length > 50 ? [`  … và ${n(result.errors.length - 50)} lỗi khác (xem --json).`] : []),
          ].join('\n'),
        );
        if (result.rejected > 0) process.exitCode = EXIT_PARTIAL;
      });
    });

  program
    .command('stats')
    .description('thống kê hồ sơ một cửa của một đơn vị (gồm các đơn vị trực thuộc) trong khoảng ngày')
    .requiredOption('--unit <mã>', 'mã đơn vị hành chính')
    .requiredOption('--from <ngày>', 'ngày đầu (YYYY-MM-DD hoặc dd/mm/yyyy), tính cả ngày này')
    .requiredOption('--to <ngày>', 'ngày cuối, tính cả ngày này')
    .option('--by <chiều>', 'chia theo field (lĩnh vực), procedure (thủ tục) hoặc unit (đơn vị)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; from: string; to: string; by?: string; json?: boolean }) => {
      const from = parseDate(options.from);
      const to = parseDate(options.to);
      if (!from) throw new CliError(`--from: ngày "${options.from}" không hợp lệ.`);
      if (!to) throw new CliError(`--to: ngày "${options.to}" không hợp lệ.`);
      if (options.by && !['field', 'procedure', 'unit'].includes(options.by)) {
        throw new CliError(`--by: "${options.by}" không hợp lệ (field, procedure hoặc unit).`);
      }
      await withStore(async (store) => {
        const unit = await store.units.findByCodeOn(options.unit, to);
        if (!unit) throw new CliError(`--unit: không có đơn vị mã "${options.unit}" còn hiệu lực ngày ${formatDateVi(to)}.`);
        const result = await computeDossierStats(store, null, {
          unitId: unit.id,
          from,
          to,
          ...(options.by ? { by: options.by as StatsBreakdown } : {}),
        }).catch(rethrowAsCli);
        const json = {
          unit: { code: unit.code, name: unit.name },
          from: result.from,
          to: result.to,
          ...result.stats,
          ...(result.groups ? { groups: result.groups.map((g) => ({ key: g.key, label: g.label, ...g.stats })) } : {}),
        };
        printResult(Boolean(options.json), json, () => formatStatsTable(unit.name, result));
      });
    });
}

export function registerDemoCommands(program: Command): void {
  const demo = program.command('demo').description('dữ liệu mẫu để thử nghiệm');
  demo
    .command('dossiers')
    .description('sinh hồ sơ mẫu thực tế (kênh nộp, ngày nghỉ, hồ sơ trễ hạn, bị trả lại…) cho một xã, hoặc mọi xã của một tỉnh')
    .requiredOption('--unit <mã>', 'mã đơn vị (xã hoặc tỉnh)')
    .requiredOption('--count <số>', 'số hồ sơ')
    .requiredOption('--from <ngày>', 'ngày tiếp nhận sớm nhất')
    .requiredOption('--to <ngày>', 'ngày tiếp nhận muộn nhất (cũng là ngày xuất dữ liệu)')
    .option('--seed <số>', 'hạt giống ngẫu nhiên (cùng hạt giống cho cùng dữ liệu)', '1')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; count: string; from: string; to: string; seed: string; json?: boolean }) => {
      const from = parseDate(options.from);
      const to = parseDate(options.to);
      const count = Number(options.count);
      const seed = Number(options.seed);
      if (!from) throw new CliError(`--from: ngày "${options.from}" không hợp lệ.`);
      if (!to) throw new CliError(`--to: ngày "${options.to}" không hợp lệ.`);
      if (!Number.isInteger(count) || count < 1) throw new CliError(`--count: "${options.count}" phải là số nguyên dương.`);
      if (!Number.isInteger(seed)) throw new CliError(`--seed: "${options.seed}" phải là số nguyên.`);
      await withStore(async (store) => {
        const unit = await store.units.findByCodeOn(options.unit, to);
        if (!unit) throw new CliError(`--unit: không có đơn vị mã "${options.unit}" còn hiệu lực ngày ${formatDateVi(to)}.`);
        const result = await generateDemoDossiers(store, { unit, count, from, to, seed }).catch(rethrowAsCli);
        printResult(Boolean(options.json), result, () =>
          `Đã sinh ${n(count)} hồ sơ mẫu cho ${unit.name}: thêm mới ${n(result.inserted)}, cập nhật ${n(result.updated)}, không đổi ${n(result.unchanged)}, bị từ chối ${n(result.rejected)}.`,
        );
      });
    });
}
