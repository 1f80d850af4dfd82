import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/calendar/plain-date';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { computeDossierStats } from './compute-dossier-stats';
import { importDossiers } from './import-dossiers';
import { DOSSIER_HEADER, seedDossierWorld, tempFile } from './testing/dossier-test-setup';

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Generated {
  code: string;
  procedure: string;
  mode: 'full' | 'partial' | 'none';
  channel: 'Trực tiếp' | 'Trực tuyến' | 'Bưu chính công ích';
  received: string;
  due: string;
  finish: string | null;
  status: string;
  digitizedIn: boolean;
  digitizedOut: boolean;
  fee: boolean;
  paid: boolean;
  rating: string;
}

const PROCEDURES = [
  { code: '1.001193', mode: 'full' as const, fee: false },
  { code: '2.000884', mode: 'partial' as const, fee: true },
  { code: '1.001022', mode: 'partial' as const, fee: false },
  { code: '1.004946', mode: 'none' as const, fee: false },
];
const vi = (iso: string) => iso.split('-').reverse().join('/');

function generate(count: number, seed: number): Generated[] {
  const random = prng(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const procedure = pick(PROCEDURES);
    const received = addDays('2025-11-01', Math.floor(random() * 150));
    const due = addDays(received, Math.floor(random() * 10));
    const status = pick(['Đang giải quyết', 'Chờ bổ sung', 'Tạm dừng', 'Đã có kết quả', 'Đã trả kết quả', 'Đã trả kết quả', 'Trả lại', 'Rút hồ sơ']);
    const finished = !['Đang giải quyết', 'Chờ bổ sung', 'Tạm dừng'].includes(status);
    const resolved = status === 'Đã có kết quả' || status === 'Đã trả kết quả';
    const fee = procedure.fee;
    return {
      code: `R-${seed}-${i}`,
      procedure: procedure.code,
      mode: procedure.mode,
      channel: pick(['Trực tiếp', 'Trực tiếp', 'Trực tuyến', 'Bưu chính công ích'] as const),
      received,
      due,
      finish: finished ? addDays(received, Math.floor(random() * 14)) : null,
      status,
      digitizedIn: random() < 0.6,
      digitizedOut: resolved && random() < 0.5,
      fee,
      paid: fee && random() < 0.4,
      rating: resolved ? pick(['', '', 'Rất hài lòng', 'Hài lòng', 'Không hài lòng']) : '',
    };
  });
}

/** The documented definitions (docs/metrics.md), computed straight from the rows. */
function reference(rows: Generated[], from: string, to: string) {
  const inWindow = (day: string | null) => day !== null && day >= from && day <= to;
  const resolvedStates = ['Đã có kết quả', 'Đã trả kết quả'];
  const openAt = (day: string) => rows.filter((r) => r.received <= day && (r.finish === null || r.finish > day));
  const received = rows.filter((r) => inWindow(r.received));
  const resolved = rows.filter((r) => resolvedStates.includes(r.status) && inWindow(r.finish));
  const pending = openAt(to);
  return {
    received: {
      carried_over: openAt(addDays(from, -1)).length,
      in_period: received.length,
      direct: received.filter((r) => r.channel === 'Trực tiếp').length,
      online: received.filter((r) => r.channel === 'Trực tuyến').length,
      postal: received.filter((r) => r.channel === 'Bưu chính công ích').length,
      online_full: received.filter((r) => r.channel === 'Trực tuyến' && r.mode === 'full').length,
      online_partial: received.filter((r) => r.channel === 'Trực tuyến' && r.mode === 'partial').length,
      total: openAt(addDays(from, -1)).length + received.length,
    },
    resolved: {
      total: resolved.length,
      early: resolved.filter((r) => r.finish! < r.due).length,
      on_time: resolved.filter((r) => r.finish === r.due).length,
      late: resolved.filter((r) => r.finish! > r.due).length,
    },
    pending: {
      total: pending.length,
      in_time: pending.filter((r) => r.due >= to).length,
      overdue: pending.filter((r) => r.due < to).length,
      paused: pending.filter((r) => r.status === 'Chờ bổ sung' || r.status === 'Tạm dừng').length,
    },
    returned: rows.filter((r) => r.status === 'Trả lại' && inWindow(r.finish)).length,
    withdrawn: rows.filter((r) => r.status === 'Rút hồ sơ' && inWindow(r.finish)).length,
    digitized: { input: received.filter((r) => r.digitizedIn).length, output: resolved.filter((r) => r.digitizedOut).length },
    payment: { with_fee: received.filter((r) => r.fee).length, online: received.filter((r) => r.paid).length },
    rating: {
      total: resolved.filter((r) => r.rating).length,
      very_satisfied: resolved.filter((r) => r.rating === 'Rất hài lòng').length,
      satisfied: resolved.filter((r) => r.rating === 'Hài lòng').length,
      unsatisfied: resolved.filter((r) => r.rating === 'Không hài lòng').length,
    },
  };
}

function toCsv(rows: Generated[], unitCode: string): string {
  const yes = (b: boolean) => (b ? 'Có' : 'Không');
  return [
    DOSSIER_HEADER,
    ...rows.map((r) =>
      [
        r.code, unitCode, r.procedure, '', '', '', r.channel, `${vi(r.received)} 08:00`, `${vi(r.due)} 17:00`,
        r.finish ? `${vi(r.finish)} 10:00` : '', '', r.status, yes(r.digitizedIn), yes(r.digitizedOut), yes(r.fee), yes(r.paid), r.rating,
      ].join(','),
    ),
  ].join('\n');
}

describe(`statistics on random dossiers (${testEngineName()})`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let unitId: number;
  const rows = generate(1500, 20261123);

  beforeAll(async () => {
    store = await openTestStore();
    unitId = (await seedDossierWorld(store)).A;
    const result = await importDossiers(store, { path: tempFile('random.csv', toCsv(rows, '01906')), source: 'random', actor: null });
    expect(result.rejected, JSON.stringify(result.errors.slice(0, 3))).toBe(0);
  }, 120_000);
  afterAll(async () => store.dispose());

  it.each([
    ['2025-12-15', '2026-03-14'],
    ['2025-11-01', '2025-11-30'],
    ['2026-01-10', '2026-01-10'],
    ['2026-02-01', '2026-04-30'],
    ['2025-10-01', '2026-06-30'],
  ])('matches the definitions for %s..%s, and the parts add up', async (from, to) => {
    const { stats } = await computeDossierStats(store, null, { unitId, from, to });
    const { rates: _rates, ...counts } = stats;
    expect(counts).toEqual(reference(rows, from, to));
    expect(stats.received.in_period).toBe(stats.received.direct + stats.received.online + stats.received.postal);
    expect(stats.resolved.total).toBe(stats.resolved.early + stats.resolved.on_time + stats.resolved.late);
    expect(stats.pending.total).toBe(stats.pending.in_time + stats.pending.overdue);
    // Conservation: what was open before plus what came in equals what left plus what is open after.
    expect(stats.received.total).toBe(stats.resolved.total + stats.returned + stats.withdrawn + stats.pending.total);
  });

  it('splits by field into parts that sum to the whole', async () => {
    const { stats, groups } = await computeDossierStats(store, null, { unitId, from: '2025-12-15', to: '2026-03-14', by: 'field' });
    const sum = (pick: (s: typeof stats) => number) => groups!.reduce((total, g) => total + pick(g.stats), 0);
    expect(groups!.map((g) => g.label).sort()).toEqual(['Chứng thực', 'Hộ tịch', 'Nông nghiệp']);
    expect(sum((s) => s.received.in_period)).toBe(stats.received.in_period);
    expect(sum((s) => s.resolved.late)).toBe(stats.resolved.late);
    expect(sum((s) => s.pending.overdue)).toBe(stats.pending.overdue);
    expect(sum((s) => s.received.carried_over)).toBe(stats.received.carried_over);
  });
});
