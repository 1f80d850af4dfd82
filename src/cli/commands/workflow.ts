import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { cutoffWindow, parseCutoffRule, parsePeriodId, PeriodError, type Period } from '../../domain/period';
import { REPORT_STATUS_LABELS, type TransitionAction } from '../../domain/reports/workflow';
import type { ReviewAttention } from '../../domain/reports/review-attention';
import { PERIOD_KINDS, type Template } from '../../domain/templates/template';
import { formatViNumber } from '../../domain/templates/vi-number';
import { formatDateVi } from '../../domain/text/iso-date';
import type { ObligationPeriodKind } from '../../domain/reports/obligations';
import { rollupWorkbook } from '../../export/rollup-xlsx';
import { AppError } from '../../services/errors';
import { listObligations, setObligation } from '../../services/reports/obligations';
import { transitionReport } from '../../services/reports/report-workflow';
import { templateById } from '../../services/reports/reporting-scope';
import { computeRollup, unitNamer, type Rollup, type RollupBasis } from '../../services/reports/rollup';
import { coverageText } from '../../domain/reports/rollup';
import type { Store } from '../../store/store';
import { actingUser } from '../acting-user';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { unitByCode, unitsByCode } from '../unit-lookup';
import { withStore } from '../with-store';

const PERIOD_HELP = 'kỳ báo cáo: 2026-Q1, 2026-H1, 2026-9M, 2026-M03, 2026';

function periodOf(id: string): Period {
  try {
    return parsePeriodId(id);
  } catch (error) {
    if (error instanceof PeriodError) throw new CliError(`--period: ${error.message}`);
    throw error;
  }
}

function templateOf(id: string): Template {
  try {
    return templateById(id);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(`--template: ${error.message} Xem "cchc template list".`);
    throw error;
  }
}

/** A use case's refusal: its Vietnamese reason, exit code 1 (or 2 when the input itself is wrong). */
async function refusals<T>(work: () => Promise<T>, usageCodes: readonly string[] = []): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const problems = (error.details as { problems?: unknown } | undefined)?.problems;
    const message = Array.isArray(problems) && problems.length > 0 ? `${error.message.split('. ')[0]}.\n${problems.map((p) => `  - ${String(p)}`).join('\n')}` : error.message;
    throw new CliError(message, usageCodes.includes(error.code) ? 2 : 1);
  }
}

const DONE: Record<TransitionAction, string> = {
  submit: 'Đã gửi',
  resubmit: 'Đã gửi lại',
  approve: 'Đã duyệt',
  return: 'Đã trả lại',
  reopen: 'Đã mở lại để đính chính',
};

interface TransitionOptions {
  unit: string;
  period: string;
  template: string;
  as: string;
  comment?: string;
  earlyReason?: string;
  json?: boolean;
}

async function runTransition(verb: 'submit' | 'approve' | 'return' | 'reopen', options: TransitionOptions): Promise<void> {
  const template = templateOf(options.template);
  const period = periodOf(options.period);
  const windowEnd = cutoffWindow(period, parseCutoffRule(template.cutoff)).to;
  await withStore(async (store) => {
    const user = await actingUser(store, options.as);
    const report = await findReport(store, options.unit, template, period, windowEnd);
    // "submit" also sends again a report that was returned for a fix.
    const action: TransitionAction = verb === 'submit' && report.status === 'returned' ? 'resubmit' : verb;
    const view = await refusals(() => transitionReport(store, user, report.id, action, { comment: options.comment, earlyReason: options.earlyReason }));
    const json = {
      id: view.report.id,
      unit: { code: view.unit.code, name: view.unit.name },
      template: view.report.templateId,
      period: view.report.periodId,
      action,
      status: view.report.status,
      statusLabel: REPORT_STATUS_LABELS[view.report.status],
      revision: view.report.revision,
      correction: view.report.correction,
      events: view.events.map((e) => ({ at: e.at, action: e.action, from: e.fromStatus, to: e.toStatus, user: e.userName, comment: e.comment, earlyReason: e.earlyReason })),
      attention: view.attention,
    };
    const attention = attentionLines(view.attention);
    printResult(Boolean(options.json), json, () =>
      [
        `${DONE[action]} báo cáo ${template.id} kỳ ${view.report.periodId} của ${view.unit.name} (${view.unit.code}), người thực hiện: ${user.displayName}.`,
        `Trạng thái mới: ${REPORT_STATUS_LABELS[view.report.status]}.`,
        ...(attention.length > 0 ? ['Điểm cần chú ý khi duyệt:', ...attention.map((line) => `  - ${line}`)] : []),
      ].join('\n'),
    );
  });
}

/** What the reviewer must see, one line each (the same as at the top of the report page). */
function attentionLines(attention: ReviewAttention): string[] {
  const value = (v: number | string | null) => (v === null ? 'trống' : shown(v));
  return [
    ...(attention.early ? [`Gửi trước khi hết kỳ lấy số liệu (đến ${formatDateVi(attention.early.windowTo)}). Lý do: ${attention.early.reason}`] : []),
    ...attention.overrides.map((o) => `Sửa số tự động ${o.label}: ${value(o.computed)} → ${value(o.value)}. Lý do: ${o.reason}`),
    ...attention.justified.map((j) => `Cảnh báo ${j.label}: ${j.message} Giải trình: ${j.text}`),
    ...(attention.notApplicable.length > 0 ? [`Dòng bắt buộc ghi "không phát sinh": ${attention.notApplicable.map((r) => r.label).join('; ')}`] : []),
  ];
}

async function findReport(store: Store, code: string, template: Template, period: Period, windowEnd: string) {
  const preferred = await unitByCode(store, code, windowEnd);
  const units = [preferred, ...(await unitsByCode(store, code)).filter((u) => u.id !== preferred.id)];
  for (const unit of units) {
    const report = await store.reports.find(unit.id, template.id, period.id);
    if (report) return report;
  }
  throw new CliError(
    `chưa có báo cáo ${template.id} kỳ ${period.id} của đơn vị ${code}; lập trước bằng: cchc report compute --unit ${code} --template ${template.id} --period ${period.id}`,
  );
}

/** `cchc report submit|approve|return|reopen`: one step of the workflow, acting as an account. */
export function registerWorkflowCommands(program: Command): void {
  const report = program.commands.find((c) => c.name() === 'report') ?? program.command('report').description('báo cáo của đơn vị');
  const steps: Array<{ verb: 'submit' | 'approve' | 'return' | 'reopen'; description: string; commentRequired: boolean }> = [
    {
      verb: 'submit',
      description:
        'gửi báo cáo lên cấp trên (gửi lại nếu báo cáo đã bị trả lại); bị từ chối, kèm danh sách mọi việc còn thiếu, khi còn dòng bắt buộc chưa có số liệu, mục chưa có nội dung, thiếu ngày ban hành hoặc người ký, còn lỗi hoặc cảnh báo chưa giải trình, hoặc gửi sớm mà không ghi lý do',
      commentRequired: false,
    },
    { verb: 'approve', description: 'duyệt báo cáo đã gửi (cán bộ thẩm định hoặc quản trị cấp trên)', commentRequired: false },
    { verb: 'return', description: 'trả lại báo cáo đã gửi để đơn vị sửa, kèm lý do', commentRequired: true },
    { verb: 'reopen', description: 'mở lại báo cáo đã duyệt để đính chính, kèm lý do', commentRequired: true },
  ];
  for (const step of steps) {
    const command = report
      .command(step.verb)
      .description(`${step.description}; mã thoát 1 khi thao tác bị từ chối`)
      .requiredOption('--unit <mã>', 'mã đơn vị báo cáo')
      .requiredOption('--period <kỳ>', PERIOD_HELP)
      .requiredOption('--template <mã>', 'mã biểu mẫu (xem "cchc template list")')
      .requiredOption('--as <tên đăng nhập>', 'tài khoản thực hiện (được ghi vào nhật ký báo cáo)');
    if (step.commentRequired) command.requiredOption('--comment <lý do>', 'lý do (bắt buộc)');
    else command.option('--comment <ghi chú>', 'ghi chú kèm theo');
    if (step.verb === 'submit') command.option('--early-reason <lý do>', 'lý do gửi trước khi hết kỳ lấy số liệu (bắt buộc khi đó; ghi vào quá trình gửi và duyệt)');
    command.option('--json', 'in kết quả dạng JSON').action((options: TransitionOptions) => runTransition(step.verb, options));
  }
}

function shown(value: number | string | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatViNumber(value, 6) : value;
}

function rollupJson(r: Rollup) {
  const codeOf = new Map(r.units.map((u) => [u.unit.id, u.unit.code]));
  return {
    unit: { code: r.unit.code, name: r.unit.name },
    template: r.template.id,
    period: r.periodId,
    periodLabel: r.periodLabel,
    window: r.window,
    basis: r.basis,
    units: r.units.map((u) => ({ code: u.unit.code, name: u.unit.name, status: u.status, included: u.included })),
    values: [...r.values.values()].map((v) => {
      const row = r.template.byId.get(v.rowId)!;
      return {
        rowId: v.rowId,
        code: row.code ?? null,
        label: row.label,
        method: v.method,
        value: v.value,
        numerator: v.numerator,
        denominator: v.denominator,
        options: v.options,
        note: v.note,
        coverage: { ...v.coverage, leftOut: v.coverage.leftOut.map((l) => ({ unitCode: codeOf.get(l.unitId) ?? String(l.unitId), reason: l.reason })) },
        coverageText: coverageText(v.coverage, unitNamer(r)),
        contributions: v.contributions.map((c) => ({ unitCode: codeOf.get(c.unitId) ?? String(c.unitId), value: c.value, status: c.status, leftOut: c.leftOut })),
      };
    }),
  };
}

function rollupText(r: Rollup): string {
  const included = r.units.filter((u) => u.included);
  const rows = r.template.rows.filter((row) => {
    const value = r.values.get(row.id)?.value;
    return value !== null && value !== undefined && value !== '';
  });
  const table = rows.map((row) => {
    const v = r.values.get(row.id)!;
    const parts = v.method === 'recompute' && v.numerator !== null && v.denominator !== null ? ` (${shown(v.numerator)}/${shown(v.denominator)})` : '';
    const coverage = v.method === 'none' ? '' : ` — ${coverageText(v.coverage, unitNamer(r))}`;
    return { code: row.code ?? '', value: `${shown(v.value)}`, unit: row.unit ?? '', label: `${row.label}${parts}${coverage}` };
  });
  const width = (pick: (line: { code: string; value: string; unit: string }) => string, header: string) => Math.max(header.length, ...table.map((line) => [...pick(line)].length));
  const w = { code: width((l) => l.code, 'Mã'), value: width((l) => l.value, 'Số liệu'), unit: Math.min(14, width((l) => l.unit, 'Đơn vị tính')) };
  const pad = (text: string, n: number) => text + ' '.repeat(Math.max(0, n - [...text].length));
  const padStart = (text: string, n: number) => ' '.repeat(Math.max(0, n - [...text].length)) + text;
  const line = (l: { code: string; value: string; unit: string; label: string }) => `  ${pad(l.code, w.code)}  ${padStart(l.value, w.value)}  ${pad(l.unit, w.unit)}  ${l.label}`;
  const notes = [...r.values.values()].filter((v) => v.note).map((v) => `  ${r.template.byId.get(v.rowId)?.code ?? v.rowId} ${v.note}`);
  return [
    `Tổng hợp ${r.template.title}`,
    `${r.unit.name} (${r.unit.code}) — ${r.periodLabel}, số liệu từ ${formatDateVi(r.window.from)} đến ${formatDateVi(r.window.to)}.`,
    `Tính từ báo cáo ${r.basis === 'approved' ? 'đã duyệt' : 'đã gửi hoặc đã duyệt'}: ${included.length}/${r.units.length} đơn vị.`,
    '',
    rows.length === 0 ? '  (chưa có số liệu: chưa đơn vị nào có báo cáo được tính)' : line({ code: 'Mã', value: 'Số liệu', unit: 'Đơn vị tính', label: 'Chỉ tiêu' }),
    ...table.map(line),
    ...(notes.length > 0 ? ['', 'Ghi chú:', ...notes] : []),
    '',
    'Đơn vị:',
    ...r.units.map((u) => `  ${u.included ? '[x]' : '[ ]'} ${u.unit.code} ${u.unit.name} — ${u.status ? REPORT_STATUS_LABELS[u.status] : 'chưa có báo cáo'}${u.source === 'last_approved' ? ' (đang đính chính: dùng số liệu đã duyệt)' : ''}`),
  ].join('\n');
}

/** `cchc rollup`: a unit's figures from the reports of the units below it. */
export function registerRollupCommand(program: Command): void {
  program
    .command('rollup')
    .description('tổng hợp số liệu của đơn vị từ báo cáo của các đơn vị trực thuộc (cộng số đếm, tính lại tỷ lệ, đếm theo phương án)')
    .requiredOption('--unit <mã>', 'mã đơn vị tổng hợp (tỉnh, huyện)')
    .requiredOption('--period <kỳ>', PERIOD_HELP)
    .requiredOption('--template <mã>', 'mã biểu mẫu (xem "cchc template list")')
    .option('--basis <cơ sở>', 'approved: chỉ báo cáo đã duyệt (mặc định); submitted: cả báo cáo đã gửi chờ duyệt', 'approved')
    .option('--xlsx <tệp>', 'ghi phụ lục tổng hợp XLSX: cột tổng hợp rồi mỗi đơn vị một cột')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; period: string; template: string; basis: string; xlsx?: string; json?: boolean }) => {
      const template = templateOf(options.template);
      const period = periodOf(options.period);
      const basis = options.basis.trim().toLowerCase();
      if (basis !== 'approved' && basis !== 'submitted') throw new CliError(`--basis: "${options.basis}" không hợp lệ; chọn approved hoặc submitted.`);
      const windowEnd = cutoffWindow(period, parseCutoffRule(template.cutoff)).to;
      await withStore(async (store) => {
        const unit = await unitByCode(store, options.unit, windowEnd);
        const rollup = await refusals(() => computeRollup(store, null, { unitId: unit.id, templateId: template.id, periodId: period.id, basis: basis as RollupBasis }), ['invalid_input']);
        printResult(Boolean(options.json), rollupJson(rollup), () => rollupText(rollup));
        if (options.xlsx) {
          const buffer = await rollupWorkbook(rollup);
          try {
            writeFileSync(options.xlsx, buffer);
          } catch (error) {
            throw new CliError(`không ghi được tệp "${options.xlsx}" (${(error as Error).message}).`, 1);
          }
          // With --json, stdout holds only the JSON.
          (options.json ? process.stderr : process.stdout).write(`Đã ghi ${options.xlsx} (${buffer.length.toLocaleString('vi-VN')} byte).\n`);
        }
      });
    });
}

const KIND_WORDS: Record<ObligationPeriodKind, string> = { month: 'tháng', quarter: 'quý', half: '6 tháng', nine_months: '9 tháng', year: 'năm' };

function periodKinds(text: string): ObligationPeriodKind[] {
  const kinds = text
    .split(',')
    .map((k) => k.trim().toLowerCase())
    .filter(Boolean);
  if (kinds.length === 0) throw new CliError('--periods: cần ít nhất một loại kỳ.');
  const wrong = kinds.filter((k) => !(PERIOD_KINDS as readonly string[]).includes(k));
  if (wrong.length > 0) throw new CliError(`--periods: không có loại kỳ ${wrong.map((k) => `"${k}"`).join(', ')}; chọn trong ${PERIOD_KINDS.join(', ')}.`);
  return kinds as ObligationPeriodKind[];
}

/** `cchc obligations set|list`: which template the units below report, for which periods, by when. */
export function registerObligationCommands(program: Command): void {
  const obligations = program.command('obligations').description('nghĩa vụ báo cáo: biểu mẫu, loại kỳ và hạn gửi của các đơn vị trực thuộc');
  obligations
    .command('set')
    .description('giao (hoặc sửa) nghĩa vụ báo cáo cho các đơn vị trực thuộc một đơn vị (cán bộ thẩm định, quản trị)')
    .requiredOption('--unit <mã>', 'mã đơn vị giao nghĩa vụ (tỉnh, huyện)')
    .requiredOption('--template <mã>', 'mã biểu mẫu')
    .requiredOption('--periods <loại kỳ>', `các loại kỳ, cách nhau bằng dấu phẩy: ${PERIOD_KINDS.join(', ')}`)
    .requiredOption('--deadline-days <số ngày>', 'hạn gửi: số ngày sau ngày chốt số liệu (0–60)')
    .requiredOption('--as <tên đăng nhập>', 'tài khoản thực hiện')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { unit: string; template: string; periods: string; deadlineDays: string; as: string; json?: boolean }) => {
      const template = templateOf(options.template);
      const kinds = periodKinds(options.periods);
      const days = Number(options.deadlineDays.trim());
      if (!/^\d+$/.test(options.deadlineDays.trim()) || !Number.isInteger(days)) throw new CliError(`--deadline-days: "${options.deadlineDays}" không phải số ngày nguyên.`);
      await withStore(async (store) => {
        const user = await actingUser(store, options.as);
        const unit = await unitByCode(store, options.unit);
        const saved = await refusals(() => setObligation(store, user, { unitId: unit.id, templateId: template.id, periodKinds: kinds, deadlineDays: days }), ['invalid_input']);
        printResult(
          Boolean(options.json),
          { id: saved.id, unit: { code: saved.unit.code, name: saved.unit.name }, template: saved.templateId, periodKinds: saved.periodKinds, deadlineDays: saved.deadlineDays },
          () =>
            `Đã giao nghĩa vụ báo cáo: các đơn vị thuộc ${saved.unit.name} (${saved.unit.code}) báo cáo ${saved.templateId} theo kỳ ${saved.periodKinds.map((k) => KIND_WORDS[k]).join(', ')}; hạn gửi ${saved.deadlineDays} ngày sau ngày chốt số liệu.`,
        );
      });
    });
  obligations
    .command('list')
    .description('liệt kê nghĩa vụ báo cáo (tất cả, hoặc những gì một tài khoản thấy với --as)')
    .option('--as <tên đăng nhập>', 'chỉ những nghĩa vụ tài khoản này thấy')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (options: { as?: string; json?: boolean }) => {
      await withStore(async (store) => {
        let list: Array<{ id: number; unit: { code: string; name: string; validFrom: string | null }; templateId: string; periodKinds: ObligationPeriodKind[]; deadlineDays: number }>;
        if (options.as !== undefined) {
          list = await refusals(async () => listObligations(store, await actingUser(store, options.as)));
        } else {
          list = [];
          for (const o of await store.obligations.list()) {
            const unit = await store.units.findById(o.unitId);
            if (unit) list.push({ id: o.id, unit, templateId: o.templateId, periodKinds: o.periodKinds, deadlineDays: o.deadlineDays });
          }
        }
        const json = list.map((o) => ({ id: o.id, unit: { code: o.unit.code, name: o.unit.name, validFrom: o.unit.validFrom }, template: o.templateId, periodKinds: o.periodKinds, deadlineDays: o.deadlineDays }));
        printResult(Boolean(options.json), json, () =>
          list.length === 0
            ? 'Chưa có nghĩa vụ báo cáo nào (giao bằng "cchc obligations set").'
            : list
                .map((o) => `${o.unit.code.padEnd(6)} ${o.unit.name} — ${o.templateId}: kỳ ${o.periodKinds.map((k) => KIND_WORDS[k]).join(', ')}; hạn ${o.deadlineDays} ngày sau ngày chốt số liệu`)
                .join('\n'),
        );
      });
    });
}
