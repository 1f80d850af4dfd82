import type { Command } from 'commander';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { ONLINE_MODE_LABELS } from '../../domain/procedures/procedure';
import { isRegisterKind, registerCells, registerHeaders, REGISTER_KINDS, REGISTERS, type RegisterKind } from '../../domain/registers/registers';
import { formatDateVi } from '../../domain/text/iso-date';
import { AppError } from '../../services/errors';
import { importRegister, listRegister } from '../../services/unit-lists/registers';
import { importUnitProcedures, listUnitProcedures } from '../../services/unit-lists/unit-procedures';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { unitByCode } from '../unit-lookup';
import { withStore } from '../with-store';

const n = (value: number) => value.toLocaleString('vi-VN');

function rethrowAsCli(error: unknown): never {
  if (error instanceof ImportRejectedError || error instanceof AppError) throw new CliError(error.message, 2);
  throw error;
}

function registerKind(text: string): RegisterKind {
  if (!isRegisterKind(text)) throw new CliError(`Sổ "${text}" không tồn tại (có: ${REGISTER_KINDS.map((k) => `${k} — ${REGISTERS[k].title}`).join('; ')}).`);
  return text;
}

/** `cchc lists …`: the unit's procedure list and registers, from files (docs/import-files.md). */
export function registerListCommands(program: Command): void {
  const lists = program.command('lists').description('danh mục TTHC của đơn vị và các sổ theo dõi (cán bộ, thiết bị, văn bản điện tử, tuyên truyền)');
  const procedures = lists.command('procedures').description('danh mục TTHC của đơn vị');
  procedures
    .command('import')
    .description('nạp danh mục TTHC của đơn vị từ CSV/XLSX (toàn bộ hoặc không gì cả; mỗi dòng theo Mã thủ tục và Hiệu lực từ)')
    .argument('<tệp>', 'tệp .csv hoặc .xlsx')
    .requiredOption('--unit <mã>', 'mã đơn vị (xã, huyện, tỉnh)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, options: { unit: string; json?: boolean }) => {
      await withStore(async (store) => {
        const unit = await unitByCode(store, options.unit);
        const result = await importUnitProcedures(store, null, unit.id, file).catch(rethrowAsCli);
        printResult(Boolean(options.json), result, () =>
          `Đã nạp danh mục TTHC của ${unit.name}: ${n(result.rows)} dòng — thêm mới ${n(result.inserted)}, cập nhật ${n(result.updated)}, không đổi ${n(result.unchanged)}.`,
        );
      });
    });
  procedures
    .command('show')
    .description('liệt kê danh mục TTHC của đơn vị (mọi phiên bản, với thời gian hiệu lực)')
    .requiredOption('--unit <mã>', 'mã đơn vị')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; json?: boolean }) => {
      await withStore(async (store) => {
        const unit = await unitByCode(store, options.unit);
        const { procedures: all } = await listUnitProcedures(store, null, unit.id).catch(rethrowAsCli);
        printResult(Boolean(options.json), all, () =>
          all.length === 0
            ? `${unit.name} chưa có danh mục TTHC.`
            : all
                .map((p) => `${p.code.padEnd(12)} ${formatDateVi(p.validFrom)}–${p.validTo ? formatDateVi(p.validTo) : 'nay'.padEnd(10)} ${ONLINE_MODE_LABELS[p.onlineMode].padEnd(18)} ${p.name}`)
                .join('\n'),
        );
      });
    });

  const register = lists.command('register').description(`sổ theo dõi của đơn vị: ${REGISTER_KINDS.map((k) => `${k} (${REGISTERS[k].title})`).join(', ')}`);
  register
    .command('import')
    .description('nạp một sổ từ CSV/XLSX (toàn bộ hoặc không gì cả): staff và equipment thay cả sổ; documents và activities thêm dòng, thay các dòng cùng ngày')
    .argument('<sổ>', REGISTER_KINDS.join(' | '))
    .argument('<tệp>', 'tệp .csv hoặc .xlsx')
    .requiredOption('--unit <mã>', 'mã đơn vị')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (kind: string, file: string, options: { unit: string; json?: boolean }) => {
      const which = registerKind(kind);
      await withStore(async (store) => {
        const unit = await unitByCode(store, options.unit);
        const result = await importRegister(store, null, unit.id, which, file).catch(rethrowAsCli);
        printResult(Boolean(options.json), result, () =>
          `Đã nạp sổ ${REGISTERS[which].title.toLowerCase()} của ${unit.name}: ${n(result.rows)} dòng${result.replaced > 0 ? `, thay ${n(result.replaced)} dòng cũ` : ''}.`,
        );
      });
    });
  register
    .command('show')
    .description('in một sổ của đơn vị (cùng các cột như tệp nhập)')
    .argument('<sổ>', REGISTER_KINDS.join(' | '))
    .requiredOption('--unit <mã>', 'mã đơn vị')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (kind: string, options: { unit: string; json?: boolean }) => {
      const which = registerKind(kind);
      await withStore(async (store) => {
        const unit = await unitByCode(store, options.unit);
        const { entries } = await listRegister(store, null, unit.id, which).catch(rethrowAsCli);
        const definition = REGISTERS[which];
        const keys = [...definition.fields.map((f) => f.key), ...(definition.dated === 'span' ? ['startDay', 'endDay'] : ['startDay'])];
        printResult(Boolean(options.json), entries, () =>
          entries.length === 0
            ? `${unit.name} chưa ghi sổ ${definition.title.toLowerCase()}.`
            : [registerHeaders(definition).join(' | '), ...entries.map((e) => keys.map((k) => registerCells(definition, e)[k] ?? '').join(' | '))].join('\n'),
        );
      });
    });
}
