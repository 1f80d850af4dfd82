import { sql } from 'kysely';
import type { Role } from '../../domain/auth/role';
import { cutoffWindow, parseCutoffRule, periodContaining, quarterPeriod, type Period } from '../../domain/period';
import { duePeriod, type ObligationPeriodKind } from '../../domain/reports/obligations';
import type { ReportStatus } from '../../domain/reports/workflow';
import type { Unit } from '../../domain/units/unit';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { unitCalendar } from '../calendar/unit-calendar';
import { computeReport, getReport, updateReportValues } from '../reports/compute-report';
import { isComputedHere } from '../../domain/reports/report-values';
import { getReportDocument, updateReportDocument } from '../reports/report-document';
import { dateInVietnam } from '../../domain/calendar/date-time';
import { paragraph, type Section } from '../../domain/narrative/narrative';
import { NOT_APPLICABLE } from '../../domain/reports/not-applicable';
import { sectionHasContent } from '../../domain/reports/section-text';
import { requiredRows } from '../../domain/reports/submission-checklist';
import { setObligation } from '../reports/obligations';
import { transitionReport } from '../reports/report-workflow';
import { templateById } from '../reports/reporting-scope';

/**
 * The reporting workflow of the demo province (#7), so that the reviewer sees a completeness
 * matrix, a review inbox and a roll-up on the first start:
 *  - the province sets the obligation: template `thai-nguyen-xa-2cap` (the commune form of the
 *    two-level government: every demo quarter starts after 01/07/2025) every quarter, half year,
 *    nine months and year, due 5 days after the cut-off;
 *  - a handful of communes (the two demo officers' and a few more) have their quarterly reports
 *    for the previous quarters: approved, one late, and in the latest one a report waiting for
 *    review, one returned with a reason and one commune that has not sent anything;
 *  - nobody has a report for the current quarter: the demo officers fill and send it themselves
 *    (a browser test does exactly that).
 * Metric rows come from the demo dossiers; the other rows get plausible figures that pass every
 * check of the template. Runs on every start: a report that exists is never touched, an
 * obligation that exists is left as it was set.
 */
/** The Thái Nguyên commune form of the two-level government: every demo quarter is after 01/07/2025. */
export const DEMO_REPORT_TEMPLATE = 'thai-nguyen-xa-2cap';
export const DEMO_PERIOD_KINDS: ObligationPeriodKind[] = ['quarter', 'half', 'nine_months', 'year'];
export const DEMO_DEADLINE_DAYS = 5;
/** The obligation is set by the province of the two-level era. */
export const DEMO_PROVINCE_FROM = '2025-07-01';
/** Communes with reports besides the demo officers' own. */
const OTHER_COMMUNES = 6;
/** At most this many previous quarters, none starting before the demo dossiers. */
const QUARTERS = 4;

export const DEMO_RETURN_REASON =
  'Số hồ sơ tiếp nhận trực tuyến (mục 3.2.4) chưa khớp với số liệu trên Cổng dịch vụ công của tỉnh; đề nghị xã rà soát, sửa và gửi lại.';

export interface DemoReportsInput {
  provinceCode: string;
  today: string;
  /** The demo accounts: the officers' communes get reports, the reviewer reviews. */
  accounts: ReadonlyArray<{ username: string; role: Role; unitCode: string }>;
  /** The first day with demo dossiers: no report for a quarter whose data starts earlier. */
  dataFrom: string;
}

export type DemoPlan = 'approved' | 'approved_late' | 'submitted' | 'returned' | 'missing';

export interface DemoReportsResult {
  obligationSet: boolean;
  created: Array<{ unitCode: string; periodId: string; status: ReportStatus }>;
  /** The quarter left to the demo officers. */
  currentPeriod: string;
  previousPeriods: string[];
}

/** A small deterministic generator, so every demo start shows the same figures. */
function randomFor(seed: string): (min: number, max: number) => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let state = h >>> 0;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    return min + Math.floor(r * (max - min + 1));
  };
}

/**
 * The figures a commune enters by hand on the demo's form (rows the form does not have are left out
 * stay blank), consistent with the template's rules: parts never exceed their totals, level-3
 * plus level-4 services make 3.2.3, interconnected procedures stay within those in force.
 * Yearly figures (plan, staff, procedures in force) are the same all year; progress grows by
 * quarter.
 */
export function demoCommuneValues(unitCode: string, period: Period): Record<string, number> {
  const year = randomFor(`${unitCode}|${period.year}`);
  const quarter = randomFor(`${unitCode}|${period.id}`);
  const lastMonth = period.kind === 'custom' ? 12 : period.lastMonth;
  const progress = Math.min(4, Math.max(1, Math.ceil(lastMonth / 3))) / 4; // 0,25 … 1
  const planned = year(18, 36);
  const done = Math.min(planned, Math.round(planned * progress * (quarter(80, 100) / 100)));
  const found = quarter(0, 4);
  const assigned = quarter(3, 12);
  const late = quarter(0, 1);
  const inForce = year(118, 136);
  const l3eligible = year(24, 34);
  const l3 = l3eligible - quarter(0, 3);
  const l4eligible = year(30, 42);
  const l4 = l4eligible - quarter(0, 4);
  const withFee = year(38, 56);
  const quota = year(19, 23);
  const plan = year(12, 48) * 100; // triệu đồng
  const paper = quarter(0, 4);
  return {
    r_1_1_a: planned,
    r_1_1_b: done,
    r_1_2_3_a: found,
    r_1_2_3_b: found - quarter(0, Math.min(1, found)),
    r_1_3_1: assigned,
    r_1_3_2: assigned - late - quarter(0, 1),
    r_1_3_3: late,
    r_1_4_1: quarter(30, 120),
    r_1_4_2: quarter(0, 2),
    r_1_5: quarter(0, 1),
    r_2_2: 0,
    r_2_3: quarter(2, 15),
    r_2_4_a: quarter(0, 2),
    r_2_4_b: 0,
    r_3_1_1: quarter(0, 6),
    r_3_1_2: quarter(0, 4),
    r_3_1_3: inForce,
    r_3_1_3_b: inForce,
    r_3_2_1_a: l3eligible,
    r_3_2_1_b: l3,
    r_3_2_1_c: l3 - quarter(2, 10),
    r_3_2_2_a: l4eligible,
    r_3_2_2_b: l4,
    r_3_2_2_c: l4 - quarter(5, 20),
    r_3_2_3_a: l3 + l4,
    r_3_2_3_b: l3 + l4 - quarter(0, 3),
    r_3_2_5_a: withFee,
    r_3_2_5_b: withFee - quarter(0, 6),
    r_3_3_1: year(10, 20),
    r_3_3_2: year(15, 25),
    r_3_3_3: inForce - year(20, 40),
    r_3_3_4: 100,
    r_3_3_5: quarter(85, 100),
    r_4_2_1: quota,
    r_4_2_2: quota - quarter(0, 2),
    r_4_2_3: quarter(2, 7),
    r_4_2_4: 0,
    r_5_2_1: quarter(0, 1),
    r_5_2_2: 0,
    r_5_2_3: 0,
    r_5_2_4: 0,
    r_5_2_5: 0,
    r_5_4: 0,
    r_6_1_a: plan,
    r_6_1_b: Math.round(plan * progress * (quarter(60, 100) / 100)),
    r_7_1: 1,
    r_7_2: 1,
    r_7_3: quarter(1, 2),
    r_7_4: 1,
    r_7_5_1: 100,
    r_7_5_2: quarter(400, 1100),
    r_7_5_2_a: 100 - paper,
    r_7_5_2_b: paper,
    r_7_6_2: 100,
  };
}

/**
 * What happens to each demo commune's report: all approved, except in the latest previous
 * quarter, where one waits for review, one was returned and one never came; and one late
 * submission a quarter earlier.
 */
export function demoPlan(otherIndex: number | null, quartersBack: number): DemoPlan {
  if (otherIndex === null) return 'approved';
  if (quartersBack === 0) return (['submitted', 'returned', 'missing', 'approved_late'] as const)[otherIndex] ?? 'approved';
  if (quartersBack === 1 && otherIndex === 4) return 'approved_late';
  return 'approved';
}

/** 09:00 in Vietnam on a day, `days` later, as a UTC instant. */
const at = (day: string, days = 0) => new Date(Date.parse(`${day}T02:00:00Z`) + days * 86_400_000).toISOString();

async function sessionOf(store: Store, username: string): Promise<SessionUser | null> {
  const user = await store.users.findByUsername(username);
  const unit = user && (await store.units.findById(user.unitId));
  return user && unit ? { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit } : null;
}

export async function seedDemoReports(store: Store, input: DemoReportsInput): Promise<DemoReportsResult | null> {
  const template = templateById(DEMO_REPORT_TEMPLATE);
  const rule = parseCutoffRule(template.cutoff);
  const province = await store.units.findByCodeOn(input.provinceCode, DEMO_PROVINCE_FROM);
  const find = async (role: Role) => {
    const account = input.accounts.find((a) => a.role === role);
    return account ? sessionOf(store, account.username) : null;
  };
  const [reviewer, admin] = await Promise.all([find('reviewer'), find('admin')]);
  if (!province || !reviewer || !admin) return null;

  let obligationSet = false;
  if (!(await store.obligations.list([province.id])).some((o) => o.templateId === template.id)) {
    await setObligation(store, reviewer, { unitId: province.id, templateId: template.id, periodKinds: DEMO_PERIOD_KINDS, deadlineDays: DEMO_DEADLINE_DAYS });
    obligationSet = true;
  }

  // The previous quarters are those already past their deadline; the quarter after the latest of
  // them (the one being reported now) stays empty for everybody.
  const calendar = await unitCalendar(store, province);
  const deadlineOf = (period: Period) => duePeriod(period, rule, DEMO_DEADLINE_DAYS, calendar).deadline;
  const quarterBefore = (period: Period, back: number) => {
    const index = period.year * 4 + (period.kind === 'custom' ? 1 : (period.index ?? 1)) - 1 - back;
    return quarterPeriod(Math.floor(index / 4), (index % 4) + 1);
  };
  const containing = periodContaining(input.today, 'quarter', rule);
  const previous: Period[] = [];
  for (let back = 0; previous.length < QUARTERS && back < QUARTERS + 2; back++) {
    const period = quarterBefore(containing, back);
    if (cutoffWindow(period, rule).from < input.dataFrom) break;
    if (deadlineOf(period) < input.today) previous.push(period);
  }
  const current = previous.length > 0 ? quarterBefore(previous[0]!, -1) : containing;
  const result: DemoReportsResult = { obligationSet, created: [], currentPeriod: current.id, previousPeriods: previous.map((p) => p.id) };
  if (previous.length === 0) return result;

  const communes = (await store.units.subtree(province.id, input.today)).filter((u) => u.level === 'commune').sort((a, b) => a.code.localeCompare(b.code));
  const officers = new Map<string, SessionUser>();
  for (const account of input.accounts.filter((a) => a.role === 'officer')) {
    const session = await sessionOf(store, account.username);
    if (session && communes.some((c) => c.id === session.unit.id)) officers.set(session.unit.code, session);
  }
  const chosen: Array<{ unit: Unit; author: SessionUser; otherIndex: number | null }> = [
    ...communes.filter((c) => officers.has(c.code)).map((unit) => ({ unit, author: officers.get(unit.code)!, otherIndex: null })),
    ...communes
      .filter((c) => !officers.has(c.code))
      .slice(0, OTHER_COMMUNES)
      .map((unit, i) => ({ unit, author: admin, otherIndex: i })),
  ];
  // Oldest first, so that "previous period" prefills and the timeline read naturally.
  for (const [back, period] of [...previous.entries()].reverse()) {
    const deadline = deadlineOf(period);
    for (const { unit, author, otherIndex } of chosen) {
      const plan = demoPlan(otherIndex, back);
      if (plan === 'missing' || (await store.reports.find(unit.id, template.id, period.id))) continue;
      const status = await createDemoReport(store, { unit, author, reviewer, period, plan, deadline, salt: otherIndex ?? -1 });
      result.created.push({ unitCode: unit.code, periodId: period.id, status });
    }
  }
  return result;
}

/** The demo chairs who sign the communes' reports (invented names, one per commune). */
const DEMO_SIGNERS = ['Hoàng Văn Minh', 'Nông Thị Hoa', 'Lục Văn Thành', 'Ma Thị Lan', 'Triệu Văn Bình', 'Hà Thị Thu', 'Bế Văn Sơn', 'Lường Thị Mai'];

/** What a commune writes in each section of the narrative, by section id (others get a general sentence). */
const DEMO_SECTION_TEXT: Record<string, string> = {
  i_direction: 'UBND xã ban hành kế hoạch cải cách hành chính năm, phân công nhiệm vụ cho từng công chức và đôn đốc thực hiện hằng tháng.',
  ii_1_institutions: 'Rà soát các văn bản quy phạm pháp luật do xã ban hành; không phát hiện văn bản trái quy định.',
  ii_2_procedures: 'Niêm yết công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa; hướng dẫn người dân nộp hồ sơ trực tuyến.',
  ii_3_organisation: 'Duy trì ổn định tổ chức bộ máy sau sắp xếp, bố trí công chức đúng vị trí việc làm.',
  ii_4_civil_service: 'Thực hiện nghiêm kỷ luật, kỷ cương hành chính; không có cán bộ, công chức vi phạm.',
  ii_5_public_finance: 'Thực hiện Quy chế chi tiêu nội bộ và quản lý tài sản công đúng quy định.',
  ii_6_digital_government: 'Văn bản đi được ký số và gửi trên Hệ thống quản lý văn bản và điều hành.',
  iii_1_strengths: 'Các nhiệm vụ cải cách hành chính được triển khai đúng tiến độ; hồ sơ được giải quyết đúng hạn.',
  iii_2_weaknesses: 'Tỷ lệ hồ sơ nộp trực tuyến còn thấp ở các thôn vùng sâu.',
  iv_tasks: 'Tiếp tục hướng dẫn người dân sử dụng dịch vụ công trực tuyến và hoàn thành các nhiệm vụ của kế hoạch năm.',
  v_proposals: 'Đề nghị tỉnh tổ chức tập huấn về số hóa hồ sơ cho công chức Bộ phận Một cửa.',
};

/**
 * Makes a demo draft ready to send, as a commune's official would: "-" in every required row the
 * commune has nothing to report on, a sentence in every section, the issue date and the signer.
 */
async function completeDemoDocument(store: Store, author: SessionUser, reportId: number, input: { day: string; signer: string }): Promise<void> {
  const view = await getReport(store, author, reportId);
  const blank = requiredRows(view.template, view.unit.level, view.values).filter((row) => {
    const value = view.values.get(row.id)?.value;
    return value === null || value === undefined || value === '';
  });
  if (blank.length > 0) await updateReportValues(store, author, reportId, { changes: blank.map((row) => ({ rowId: row.id, value: NOT_APPLICABLE })) });
  const doc = await getReportDocument(store, author, reportId);
  const write = (sections: Section[]): Section[] =>
    sections.map((section) => ({
      ...section,
      blocks:
        sectionHasContent(section) || (section.children?.length ?? 0) > 0
          ? section.blocks
          : [...section.blocks, paragraph(DEMO_SECTION_TEXT[section.id] ?? `UBND xã triển khai nội dung "${section.title}" theo kế hoạch của tỉnh.`)],
      ...(section.children ? { children: write(section.children) } : {}),
    }));
  await updateReportDocument(store, author, reportId, {
    meta: { ...doc.meta, date: input.day, signature: { ...doc.meta.signature, name: input.signer } },
    narrative: { ...doc.narrative, sections: write(doc.narrative.sections) },
  });
}

async function createDemoReport(
  store: Store,
  input: { unit: Unit; author: SessionUser; reviewer: SessionUser; period: Period; plan: Exclude<DemoPlan, 'missing'>; deadline: string; salt: number },
): Promise<ReportStatus> {
  const { unit, author, reviewer, period, plan, deadline } = input;
  const draft = await computeReport(store, author, { unitId: unit.id, templateId: DEMO_REPORT_TEMPLATE, periodId: period.id });
  // Figures the commune's procedure list and registers already give are not typed again; rows the
  // form does not have are left out.
  const typed = Object.entries(demoCommuneValues(unit.code, period)).filter(([rowId]) => {
    const row = draft.template.byId.get(rowId);
    return !!row && !isComputedHere(row, draft.values.get(rowId));
  });
  // "Đủ điều kiện" is a judgement the commune types: at least what its list offers online.
  const offered = (concept: string) => draft.template.rows.find((r) => r.concept === concept);
  for (const [eligible, given] of [['online.eligible_partial', 'online.procedures_partial'], ['online.eligible_full', 'online.procedures_full']] as const) {
    const row = offered(eligible);
    const count = offered(given) && draft.values.get(offered(given)!.id)?.value;
    if (row && typeof count === 'number') {
      const index = typed.findIndex(([id]) => id === row.id);
      if (index >= 0) typed[index] = [row.id, count + Math.abs(input.salt % 3)];
      else typed.push([row.id, count + Math.abs(input.salt % 3)]);
    }
  }
  const filled = await updateReportValues(store, author, draft.report.id, { changes: typed.map(([rowId, value]) => ({ rowId, value })) });
  const warnings = filled.findings.filter((f) => f.severity === 'warning');
  if (warnings.length > 0) {
    await updateReportValues(store, author, draft.report.id, {
      changes: [],
      justifications: warnings.map((f) => ({ rule: f.rule, rowId: f.row, text: 'Số liệu đã được đối chiếu với sổ theo dõi của xã.' })),
    });
  }
  const id = draft.report.id;
  // The days it happened: sent a few days before the deadline (or two days after it), reviewed soon after.
  const sentDay = plan === 'approved_late' ? at(deadline, 2) : at(deadline, -1 - ((input.salt + 3) % 4));
  await completeDemoDocument(store, author, id, { day: dateInVietnam(sentDay), signer: DEMO_SIGNERS[[...unit.code].reduce((sum, c) => sum + c.charCodeAt(0), 0) % DEMO_SIGNERS.length]! });
  const steps: Array<{ action: 'submit' | 'approve' | 'return'; comment?: string; when: string }> = [{ action: 'submit', when: sentDay }];
  if (plan === 'approved' || plan === 'approved_late') steps.push({ action: 'approve', when: at(sentDay.slice(0, 10), 3) });
  if (plan === 'returned') steps.push({ action: 'return', comment: DEMO_RETURN_REASON, when: at(sentDay.slice(0, 10), 2) });
  let status: ReportStatus = 'draft';
  for (const step of steps) {
    const view = await transitionReport(store, step.action === 'submit' ? author : reviewer, id, step.action, { comment: step.comment ?? null });
    status = view.report.status;
  }
  // The services stamp "now"; the demo's history happened on the days above.
  const events = await store.reports.events(id);
  await store.db.transaction().execute(async (db) => {
    for (const [i, event] of events.entries()) await sql`UPDATE report_events SET at = ${steps[i]!.when}::timestamptz WHERE id = ${event.id}`.execute(db);
    const last = steps.at(-1)!.when;
    const approvedAt = steps.find((s) => s.action === 'approve')?.when ?? null;
    await sql`UPDATE report_revisions SET at = ${at(sentDay.slice(0, 10), -1)}::timestamptz WHERE report_id = ${id}`.execute(db);
    await sql`UPDATE reports SET first_submitted_at = ${sentDay}::timestamptz, submitted_at = ${sentDay}::timestamptz,
      approved_at = ${approvedAt}::timestamptz, updated_at = ${last}::timestamptz, created_at = ${at(sentDay.slice(0, 10), -1)}::timestamptz
      WHERE id = ${id}`.execute(db);
  });
  return status;
}
