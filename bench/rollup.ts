/**
 * The province's roll-up (#7) at full size: 100 communes, each with one approved quarterly report
 * on the largest everyday template (`mac-dinh-xa`, 121 rows, 101 with a figure), every row
 * filled — dossier metrics with their rate parts as a commune's statistics give them, formulas
 * computed, the other rows entered. Reports are written straight through the repositories (values,
 * then submit and approve with their frozen snapshots), as the service would leave them.
 * Measured: `computeRollup` for the province (median of several runs), without and with a
 * signed-in reviewer (the HTTP route's path), and the per-unit XLSX of the result.
 * BENCH_ENGINES=pglite,postgres (default both); PostgreSQL at DATABASE_URL or 127.0.0.1.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { emptyCounts, type FactCounts } from '../src/domain/dossiers/facts';
import { computeStats } from '../src/domain/dossiers/metrics';
import { cutoffWindow, parseCutoffRule, parsePeriodId } from '../src/domain/period';
import { computeReportValues, type ReportValue } from '../src/domain/reports/report-values';
import type { Template, TemplateRow } from '../src/domain/templates/template';
import { rollupWorkbook } from '../src/export/rollup-xlsx';
import type { SessionUser } from '../src/services/auth/session-user';
import { computeRollup } from '../src/services/reports/rollup';
import { shippedTemplates } from '../src/services/templates/check-report';
import { addUser } from '../src/services/users/add-user';
import { openStore, type Store } from '../src/store/store';

const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COMMUNES = 100;
const TEMPLATE = 'mac-dinh-xa';
const PERIOD = '2026-Q1';
const RUNS = 7;

const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, performance.now() - start];
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Deterministic numbers, so both engines roll up the same province. */
function random(seed: number): (min: number, max: number) => number {
  let state = seed >>> 0;
  return (min, max) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return min + Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * (max - min + 1));
  };
}

/** A commune's quarter of dossiers, as the daily facts would sum it: a few hundred per channel. */
function communeStats(rnd: (min: number, max: number) => number) {
  const channel = (low: number, high: number): FactCounts => {
    const c = emptyCounts();
    c.received = rnd(low, high);
    c.received_full_mode = rnd(0, Math.floor(c.received / 3));
    c.received_partial_mode = rnd(0, c.received - c.received_full_mode);
    c.digitized_input = rnd(Math.floor(c.received / 2), c.received);
    c.with_fee = rnd(0, Math.floor(c.received / 2));
    c.paid_online = rnd(0, c.with_fee);
    const resolved = rnd(Math.floor(c.received * 0.8), c.received);
    c.resolved_late = rnd(0, Math.floor(resolved / 20));
    c.resolved_on_time = rnd(0, resolved - c.resolved_late);
    c.resolved_early = resolved - c.resolved_late - c.resolved_on_time;
    c.digitized_output = rnd(Math.floor(resolved / 2), resolved);
    c.returned = rnd(0, 5);
    c.withdrawn = rnd(0, 2);
    c.rating_very_satisfied = rnd(0, Math.floor(resolved / 3));
    c.rating_satisfied = rnd(0, Math.floor(resolved / 3));
    c.rating_unsatisfied = rnd(0, 2);
    return c;
  };
  const open = (total: number) => {
    const overdue = rnd(0, Math.floor(total / 10));
    return { total, inTime: total - overdue, overdue, paused: rnd(0, Math.floor(total / 10)) };
  };
  return computeStats({ flows: { direct: channel(200, 900), online: channel(100, 700), postal: channel(0, 40) }, openBefore: open(rnd(10, 80)), openAtEnd: open(rnd(10, 80)) });
}

function enteredValue(row: TemplateRow, rnd: (min: number, max: number) => number): number | string | null {
  switch (row.kind) {
    case 'count':
      return rnd(0, 300);
    case 'money':
      return rnd(100, 20_000);
    case 'number':
      return rnd(0, 10_000) / 10;
    case 'percent':
      return rnd(5000, 10_000) / 100;
    case 'enum':
    case 'yes_no': {
      const options = Object.keys(row.legend ?? { '0': '', '1': '' });
      return Number(options[rnd(0, options.length - 1)]);
    }
    case 'text':
      return 'Đã triển khai theo kế hoạch.';
    case 'date':
      return '2026-03-10';
    default:
      return null;
  }
}

/** Every row of the template filled the way a commune's report is. */
function communeValues(template: Template, seed: number): Map<string, ReportValue> {
  const rnd = random(seed);
  const entered = new Map<string, ReportValue>();
  for (const row of template.rows) {
    if (row.kind === 'heading') continue;
    const source = row.source;
    if (typeof source === 'object' && source !== null && ('metric' in source || 'formula' in source || 'count_units' in source)) continue;
    entered.set(row.id, { value: enteredValue(row, rnd), provenance: 'entered', computed: null, reason: null });
  }
  const period = communeStats(rnd);
  const cumulative = communeStats(rnd);
  return computeReportValues(template, { period, cumulative }, entered);
}

async function seed(store: Store, template: Template): Promise<{ provinceId: number; rows: number }> {
  const provinceId = await store.units.insert({ code: '99', name: 'Tỉnh Thử Nghiệm', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
  await store.units.insertMany(
    Array.from({ length: COMMUNES }, (_, i) => ({ code: `99${String(i).padStart(3, '0')}`, name: `Xã Thử ${i + 1}`, level: 'commune' as const, parentId: provinceId, validFrom: '2025-07-01', validTo: null })),
  );
  const communes = (await store.units.subtree(provinceId)).filter((u) => u.level === 'commune');
  const window = cutoffWindow(parsePeriodId(PERIOD), parseCutoffRule(template.cutoff));
  let rows = 0;
  await store.transaction(async (repos) => {
    for (const [i, commune] of communes.entries()) {
      const report = await repos.reports.insert({ unitId: commune.id, templateId: template.id, templateVersion: template.version, periodId: PERIOD, windowFrom: window.from, windowTo: window.to });
      const values = communeValues(template, 1000 + i);
      rows += [...values.values()].filter((v) => v.value !== null).length;
      await repos.reports.saveValues(report.id, values, { userId: null, action: 'compute', changes: {} });
      const snapshot = Object.fromEntries(values);
      await repos.reports.transition(report.id, { from: 'draft', to: 'submitted', action: 'submit', userId: null, comment: null, snapshot, reopen: false });
      await repos.reports.transition(report.id, { from: 'submitted', to: 'approved', action: 'approve', userId: null, comment: null, snapshot, reopen: false });
    }
  });
  return { provinceId, rows };
}

async function run(engine: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), `cchc-bench-rollup-${engine}-`));
  const schema = `bench_rollup_${process.pid}`;
  let admin: pg.Client | undefined;
  if (engine === 'postgres') {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  }
  const store = await openStore(engine === 'pglite' ? { engine: 'pglite', dataDir: join(dir, 'data') } : { engine: 'postgres', url: PG_URL, schema });
  try {
    const template = shippedTemplates().get(TEMPLATE)!;
    const [{ provinceId, rows }, seedMs] = await time(() => seed(store, template));
    const { user } = await addUser(store, { username: 'tham.dinh', displayName: 'Thẩm định', password: 'mat-khau-dai-du', role: 'reviewer', unitId: provinceId });
    const reviewer: SessionUser = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(provinceId))! };
    const input = { unitId: provinceId, templateId: TEMPLATE, periodId: PERIOD };

    const [check] = await time(() => computeRollup(store, null, input)); // warm-up, and a sanity check
    if (check.units.filter((u) => u.included).length !== COMMUNES) throw new Error('bench: not every commune is in the roll-up');
    const withoutUser: number[] = [];
    const withReviewer: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      withoutUser.push((await time(() => computeRollup(store, null, input)))[1]);
      withReviewer.push((await time(() => computeRollup(store, reviewer, input)))[1]);
    }
    const [workbook, xlsxMs] = await time(async () => rollupWorkbook(await computeRollup(store, reviewer, input)));
    const rate = check.values.get('r_3_5_1') ?? [...check.values.values()].find((v) => v.method === 'recompute' && v.numerator !== null)!;
    console.log(`\n[${engine}] roll-up of ${COMMUNES} approved ${TEMPLATE} reports (${template.rows.length} rows; ${rows.toLocaleString('vi-VN')} values), ${PERIOD}`);
    console.log(`  seed through the repositories   ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`  computeRollup, no user          median ${median(withoutUser).toFixed(0)} ms (min ${Math.min(...withoutUser).toFixed(0)}, max ${Math.max(...withoutUser).toFixed(0)}, n=${RUNS})`);
    console.log(`  computeRollup, as the reviewer  median ${median(withReviewer).toFixed(0)} ms (min ${Math.min(...withReviewer).toFixed(0)}, max ${Math.max(...withReviewer).toFixed(0)}, n=${RUNS})`);
    console.log(`  roll-up + XLSX (101 columns)    ${xlsxMs.toFixed(0)} ms, ${workbook.length.toLocaleString('vi-VN')} bytes`);
    console.log(`  check: ${rate.rowId} = ${String(rate.value)} (${rate.numerator}/${rate.denominator})`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
}

for (const engine of ENGINES) await run(engine);
