import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { todayInVietnam } from '../../domain/calendar/date-time';
import { profileJsonSchema } from '../../domain/index766/profile';
import { formatDateVi } from '../../domain/text/iso-date';
import { AppError } from '../../services/errors';
import {
  computeIndex766,
  index766Against,
  index766Trend,
  indexPeriod,
  MAX_AGAINST_DOWNLOAD,
  periodOf,
  type IndexResult,
} from '../../services/index766/compute-index';
import { againstWorkbook } from '../../services/index766/index766-workbook';
import { index766Inputs, saveIndex766Inputs } from '../../services/index766/manual-inputs';
import { profiles } from '../../services/index766/profile-files';
import type { Store } from '../../store/store';
import { actingUser } from '../acting-user';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { unitByCode } from '../unit-lookup';
import { withStore } from '../with-store';

const n = (value: number | null) => (value === null ? '—' : value.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));

function rethrowAsCli(error: unknown): never {
  if (error instanceof AppError) throw new CliError(error.message, 2);
  throw error;
}

/** The unit with a code in force at the end of the period asked for (codes are reused across the 2025 reform). */
async function unitAndPeriod(store: Store, code: string, periodId: string | undefined) {
  let to: string;
  try {
    to = indexPeriod(periodOf(periodId, todayInVietnam()), todayInVietnam()).to;
  } catch (error) {
    rethrowAsCli(error);
  }
  return unitByCode(store, code, to);
}

function formatIndex(result: IndexResult): string {
  const s = result.score;
  const lines = [
    `Chỉ số 766 của ${result.unit.name}, ${result.period.label} (${formatDateVi(result.period.from)}–${formatDateVi(result.period.measuredTo)}${result.period.running ? ', tạm tính đến hôm nay' : ''})`,
    `Bộ tiêu chí: ${result.profile.name} (${result.profile.id})`,
    `Tổng điểm: ${n(s.total)}/100${s.rescaled ? ` (đạt ${n(s.earned)}/${n(s.applicableMax)} điểm của các chỉ số được tính, quy về thang 100)` : ''}`,
    '',
  ];
  for (const g of s.groups) {
    lines.push(`${g.name}: ${n(g.points)}/${n(g.applicableMax)}${g.applicableMax !== g.max ? ` (tối đa ${n(g.max)})` : ''}`);
    for (const i of g.indicators) {
      const rate = i.rate === null ? '—' : `${n(i.rate)}% (${n(i.numerator)}/${n(i.denominator)})`;
      lines.push(`  [${i.id}] ${i.name}: ${rate} → ${i.points === null ? 'không tính' : `${n(i.points)}/${n(i.max)} điểm`}${i.explanation ? ` — ${i.explanation}` : ''}`);
    }
  }
  if (result.children.length > 0) {
    lines.push('', 'Xếp hạng các đơn vị trực thuộc:');
    for (const c of result.children) lines.push(`  ${c.rank ?? '—'}. ${c.unit.name} (${c.unit.code}): ${n(c.total)} điểm, ${n(c.handled)} hồ sơ`);
  }
  return lines.join('\n');
}

function addScore(command: Command): Command {
  return command
    .requiredOption('--unit <mã>', 'mã đơn vị hành chính (gồm các đơn vị trực thuộc)')
    .option('--period <kỳ>', 'kỳ: 2026-M10 (mặc định: tháng hiện tại), 2026-Q3, 2026 hoặc 2026-01-01..2026-03-31')
    .option('--profile <mã>', 'bộ tiêu chí (qd766-6-nhom, qd766-2022…); mặc định: bộ đang áp dụng')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; period?: string; profile?: string; json?: boolean }) => {
      await withStore(async (store) => {
        const unit = await unitAndPeriod(store, options.unit, options.period);
        const result = await computeIndex766(store, null, {
          unitId: unit.id,
          ...(options.period ? { periodId: options.period } : {}),
          ...(options.profile ? { profileId: options.profile } : {}),
        }).catch(rethrowAsCli);
        printResult(Boolean(options.json), result, () => formatIndex(result));
      });
    });
}

/** `cchc index766 …` (and `cchc index` for the score): the service index of Decision 766/QĐ-TTg. */
export function registerIndex766Commands(program: Command): void {
  addScore(program.command('index').description('Chỉ số 766 của một đơn vị trong một kỳ (như "cchc index766 score")'));
  const index = program.command('index766').description('Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg) tính từ hồ sơ của đơn vị');
  addScore(index.command('score').description('điểm, nhóm, chỉ số thành phần (tử số, mẫu số, điểm) và xếp hạng các đơn vị trực thuộc'));

  index
    .command('trend')
    .description('Chỉ số 766 qua các tháng gần nhất')
    .requiredOption('--unit <mã>', 'mã đơn vị')
    .option('--period <tháng>', 'tháng cuối (2026-M10); mặc định tháng hiện tại')
    .option('--count <số>', 'số tháng (1–36)', '12')
    .option('--profile <mã>', 'bộ tiêu chí')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; period?: string; count: string; profile?: string; json?: boolean }) => {
      const count = Number(options.count);
      if (!Number.isInteger(count) || count < 1 || count > 36) throw new CliError(`--count: "${options.count}" không hợp lệ (1–36).`);
      await withStore(async (store) => {
        const unit = await unitAndPeriod(store, options.unit, options.period);
        const result = await index766Trend(store, null, {
          unitId: unit.id,
          count,
          ...(options.period ? { periodId: options.period } : {}),
          ...(options.profile ? { profileId: options.profile } : {}),
        }).catch(rethrowAsCli);
        printResult(Boolean(options.json), result, () =>
          [`Chỉ số 766 của ${result.unit.name}:`, ...result.points.map((p) => `  ${p.shortLabel}${p.running ? '*' : ''}: ${n(p.total)}`)].join('\n'),
        );
      });
    });

  index
    .command('against')
    .description('các hồ sơ (hoặc thủ tục) làm mất điểm một chỉ số thành phần, kèm lý do')
    .requiredOption('--unit <mã>', 'mã đơn vị')
    .requiredOption('--indicator <mã>', 'mã chỉ số thành phần (xem "cchc index766 profiles")')
    .option('--period <kỳ>', 'kỳ (mặc định tháng hiện tại)')
    .option('--profile <mã>', 'bộ tiêu chí')
    .option('--xlsx <tệp>', 'ghi danh sách ra tệp Excel')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; indicator: string; period?: string; profile?: string; xlsx?: string; json?: boolean }) => {
      await withStore(async (store) => {
        const unit = await unitAndPeriod(store, options.unit, options.period);
        const result = await index766Against(store, null, {
          unitId: unit.id,
          indicatorId: options.indicator,
          limit: MAX_AGAINST_DOWNLOAD,
          ...(options.period ? { periodId: options.period } : {}),
          ...(options.profile ? { profileId: options.profile } : {}),
        }).catch(rethrowAsCli);
        if (options.xlsx) {
          const file = await againstWorkbook(result);
          try {
            writeFileSync(options.xlsx, file.buffer);
          } catch (error) {
            throw new CliError(`không ghi được tệp "${options.xlsx}" (${(error as Error).message}).`, 1);
          }
          (options.json ? process.stderr : process.stdout).write(`Đã ghi ${options.xlsx}.\n`);
        }
        printResult(Boolean(options.json), result, () => {
          const i = result.indicator;
          const head = `${i.name} — ${result.unit.name}, ${result.period.label}: ${n(i.numerator)}/${n(i.denominator)}, ${i.points === null ? 'không tính' : `${n(i.points)}/${n(i.max)} điểm`}`;
          if (result.kind === 'none') return `${head}\n${result.note}`;
          if (result.kind === 'procedures') {
            return [head, `${n(result.total)} thủ tục làm mất điểm:`, ...result.procedures.map((p) => `  ${p.code} ${p.name} (${n(p.dossiers)} hồ sơ, ${n(p.onlineDossiers)} trực tuyến)`)].join('\n');
          }
          return [head, `${n(result.total)} hồ sơ làm mất điểm:`, ...result.dossiers.map((d) => `  ${d.code} (${d.unitName}, ${d.procedureName}): ${d.reasons.join('; ')}`)].join('\n');
        });
      });
    });

  index
    .command('inputs')
    .description('xem, hoặc nhập (--set) số liệu nhập tay của Chỉ số 766 cho một đơn vị và một tháng')
    .requiredOption('--unit <mã>', 'mã đơn vị')
    .requiredOption('--month <tháng>', 'tháng YYYY-MM')
    .option('--set <mã=số,…>', 'số liệu cần lưu, cách nhau dấu phẩy, ví dụ --set pakn_tong=4,pakn_dung_han=3 (giá trị rỗng: xóa)')
    .option('--as <tên đăng nhập>', 'tài khoản nhập số liệu (bắt buộc khi --set)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; month: string; set?: string; as?: string; json?: boolean }) => {
      await withStore(async (store) => {
        const unit = await unitByCode(store, options.unit, `${options.month}-28`);
        let result;
        if (options.set) {
          const user = await actingUser(store, options.as);
          const values: Record<string, number | null> = {};
          for (const pair of options.set.split(',').filter((p) => p.trim() !== '')) {
            const m = /^([a-z][a-z0-9_]*)=(\d*)$/.exec(pair.trim());
            if (!m) throw new CliError(`--set: "${pair}" không hợp lệ (ghi mã=số, ví dụ pakn_tong=4).`);
            values[m[1]!] = m[2] === '' ? null : Number(m[2]);
          }
          result = await saveIndex766Inputs(store, user, { unitId: unit.id, month: options.month, values }).catch(rethrowAsCli);
        } else {
          result = await index766Inputs(store, null, { unitId: unit.id, month: options.month }).catch(rethrowAsCli);
        }
        printResult(Boolean(options.json), result, () =>
          [`Số liệu nhập tay tháng ${result.month} của ${result.unit.name}:`, ...result.inputs.map((i) => `  ${i.key}: ${n(i.value)} ${i.unit} — ${i.label}`)].join('\n'),
        );
      });
    });

  index
    .command('profiles')
    .description('các bộ tiêu chí chấm điểm đã nạp (index-profiles/ và CCHC_INDEX_PROFILES_DIR)')
    .option('--json', 'in kết quả dạng JSON')
    .action((options: { json?: boolean }) => {
      const all = [...profiles().values()];
      printResult(Boolean(options.json), all, () =>
        all
          .map((p) =>
            [
              `${p.id}: ${p.name} (từ ${formatDateVi(p.valid_from)}${p.valid_to ? ` đến ${formatDateVi(p.valid_to)}` : ''})`,
              ...p.groups.flatMap((g) => [`  ${g.name} (${g.points})`, ...g.indicators.map((i) => `    [${i.id}] ${i.name} (${i.points}${i.verified ? '' : ', chưa kiểm chứng'})`)]),
            ].join('\n'),
          )
          .join('\n\n'),
      );
    });

  index
    .command('schema')
    .description('in JSON Schema của định dạng bộ tiêu chí (docs/index-profile.schema.json)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(profileJsonSchema(), null, 2)}\n`);
    });
}
