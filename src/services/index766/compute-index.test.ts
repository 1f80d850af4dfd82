import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import type { SessionUser } from '../auth/session-user';
import { computeIndex766, index766Against, index766Trend } from './compute-index';
import { index766Inputs, saveIndex766Inputs } from './manual-inputs';
import { seedIndexWorld } from './testing/index766-fixture';

const TODAY = '2026-11-15';

describe(`index 766 over real dossiers on ${testEngineName()}`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let ids: { P: number; A: number; B: number };
  let officerA: SessionUser;

  beforeAll(async () => {
    store = await openTestStore();
    ids = await seedIndexWorld(store);
    const unitA = (await store.units.findById(ids.A))!;
    const account = await store.users.insert({ username: 'canbo.a', displayName: 'Cán bộ A', passwordHash: 'x', role: 'officer', unitId: ids.A });
    officerA = { id: account.id, username: 'canbo.a', displayName: 'Cán bộ A', role: 'officer', unit: unitA };
  });
  afterAll(async () => store.dispose());

  const indicator = (result: Awaited<ReturnType<typeof computeIndex766>>, id: string) =>
    result.score.groups.flatMap((g) => g.indicators).find((i) => i.id === id)!;

  it("counts a commune's progress by the 766 rules: two supplement requests make a dossier late, unfinished ones are measured at the month's end", async () => {
    const a = await computeIndex766(store, null, { unitId: ids.A, periodId: '2026-M10', today: TODAY });
    expect(a.period).toMatchObject({ from: '2026-10-01', to: '2026-10-31', running: false, measuredTo: '2026-10-31' });
    expect(a.profile.id).toBe('qd766-6-nhom');
    expect(a.counts).toMatchObject({ resolved: 4, resolved_on_time: 1, resolved_late: 3, pending: 2, pending_in_time: 1, pending_overdue: 1, carried_over: 1, received: 5, supplement_many: 1 });
    expect(indicator(a, 'tien_do')).toMatchObject({ numerator: 2, denominator: 6, rate: 33.33, points: 6.67, status: 'scored' });
    expect(indicator(a, 'ho_so_truc_tuyen')).toMatchObject({ numerator: 2, denominator: 5, rate: 40, points: 3.2 });
    expect(indicator(a, 'tthc_truc_tuyen')).toMatchObject({ numerator: 3, denominator: 3, points: 4 });
    expect(indicator(a, 'tthc_phat_sinh_truc_tuyen')).toMatchObject({ numerator: 2, denominator: 3, points: 2.67 });
    // Publication of procedures is a province's job: not applicable to a commune, excluded.
    expect(indicator(a, 'cong_bo_tthc_dung_han')).toMatchObject({ status: 'not_applicable', points: null });
  });

  it("computes a province from its summed parts and ranks its communes", async () => {
    const [p, a, b] = await Promise.all(
      [ids.P, ids.A, ids.B].map((unitId) => computeIndex766(store, null, { unitId, periodId: '2026-M10', today: TODAY })),
    );
    for (const metric of ['resolved', 'resolved_on_time', 'pending', 'pending_in_time', 'received', 'procedures']) {
      if (metric === 'procedures') expect(p!.counts[metric]).toBe(3); // distinct procedures, not a sum
      else expect(p!.counts[metric]).toBe(a!.counts[metric]! + b!.counts[metric]!);
    }
    expect(indicator(p!, 'tien_do')).toMatchObject({ numerator: 4, denominator: 8, points: 10 });
    expect(p!.children.map((c) => [c.unit.code, c.rank])).toEqual([
      ['02020', 1],
      ['01906', 2],
    ]);
    expect(p!.children[1]!.total).toBe(a!.score.total);
  });

  it('lists the dossiers that cost points, with the reason of each', async () => {
    const against = await index766Against(store, null, { unitId: ids.A, periodId: '2026-M10', indicatorId: 'tien_do', today: TODAY });
    expect(against.kind).toBe('dossiers');
    expect(against.total).toBe(4);
    expect(against.dossiers.map((d) => d.code)).toEqual(['A0', 'A2', 'A3', 'A5']);
    const byCode = new Map(against.dossiers.map((d) => [d.code, d.reasons.join('; ')]));
    expect(byCode.get('A3')).toContain('yêu cầu bổ sung 2 lần');
    expect(byCode.get('A2')).toContain('Có kết quả ngày 10/10/2026, sau ngày hẹn trả 08/10/2026');
    expect(byCode.get('A5')).toContain('quá hạn từ ngày 23/10/2026');
    // The count of the list is the denominator minus the numerator.
    expect(against.total).toBe(against.indicator.denominator - against.indicator.numerator);

    const procedures = await index766Against(store, null, { unitId: ids.A, periodId: '2026-M10', indicatorId: 'tthc_phat_sinh_truc_tuyen', today: TODAY });
    expect(procedures.kind).toBe('procedures');
    expect(procedures.procedures.map((p) => p.code)).toEqual(['2.000884']);

    const manual = await index766Against(store, null, { unitId: ids.A, periodId: '2026-M10', indicatorId: 'pakn_dung_han', today: TODAY });
    expect(manual.kind).toBe('none');
    expect(manual.note).toContain('nhập tay');
  });

  it('a month still running is a forecast measured today', async () => {
    const running = await computeIndex766(store, null, { unitId: ids.A, periodId: '2026-M11', today: TODAY });
    expect(running.period).toMatchObject({ running: true, measuredTo: TODAY });
    // A4 is still open on 15/11 and its due day (05/11) has passed.
    expect(running.counts).toMatchObject({ carried_over: 2, pending: 2, pending_in_time: 0 });
    await expect(computeIndex766(store, null, { unitId: ids.A, periodId: '2026-M12', today: TODAY })).rejects.toThrow(/chưa bắt đầu/);
  });

  it('a trend reads its twelve months in one go, each month by the profile in force', async () => {
    const trend = await index766Trend(store, null, { unitId: ids.P, periodId: '2026-M10', today: TODAY });
    expect(trend.points).toHaveLength(12);
    expect(trend.points[0]!.id).toBe('2025-M11');
    const oct = trend.points.at(-1)!;
    const direct = await computeIndex766(store, null, { unitId: ids.P, periodId: '2026-M10', today: TODAY });
    expect(oct.total).toBe(direct.score.total);
  });

  it('manual inputs: bounded, scoped, summed over the subtree and turned into points', async () => {
    await expect(saveIndex766Inputs(store, officerA, { unitId: ids.B, month: '2026-10', values: { pakn_tong: 4 }, today: TODAY })).rejects.toThrow(
      'Bạn không có quyền truy cập dữ liệu của đơn vị này.',
    );
    await expect(saveIndex766Inputs(store, officerA, { unitId: ids.A, month: '2026-10', values: { pakn_tong: -1 }, today: TODAY })).rejects.toThrow(/số nguyên từ 0/);
    await expect(saveIndex766Inputs(store, officerA, { unitId: ids.A, month: '2026-10', values: { bi_an: 1 }, today: TODAY })).rejects.toThrow(/Không có số liệu nhập tay "bi_an"/);
    await expect(saveIndex766Inputs(store, officerA, { unitId: ids.A, month: '2026-12', values: { pakn_tong: 1 }, today: TODAY })).rejects.toThrow(/chưa bắt đầu/);

    const saved = await saveIndex766Inputs(store, officerA, { unitId: ids.A, month: '2026-10', values: { pakn_tong: 4, pakn_dung_han: 3 }, today: TODAY });
    expect(saved.inputs.find((i) => i.key === 'pakn_tong')).toMatchObject({ value: 4, updatedBy: 'Cán bộ A' });
    await saveIndex766Inputs(store, null, { unitId: ids.B, month: '2026-10', values: { pakn_tong: 1, pakn_dung_han: 1 }, today: TODAY });

    const a = await computeIndex766(store, null, { unitId: ids.A, periodId: '2026-M10', today: TODAY });
    expect(indicator(a, 'pakn_dung_han')).toMatchObject({ numerator: 3, denominator: 4, points: 4.5 });
    const p = await computeIndex766(store, null, { unitId: ids.P, periodId: '2026-M10', today: TODAY });
    expect(indicator(p, 'pakn_dung_han')).toMatchObject({ numerator: 4, denominator: 5, points: 4.8 });
    // A quarter sums its months.
    const q = await computeIndex766(store, null, { unitId: ids.P, periodId: '2026-Q4', today: TODAY });
    expect(indicator(q, 'pakn_dung_han')).toMatchObject({ numerator: 4, denominator: 5 });

    const cleared = await saveIndex766Inputs(store, officerA, { unitId: ids.A, month: '2026-10', values: { pakn_dung_han: null }, today: TODAY });
    expect(cleared.inputs.find((i) => i.key === 'pakn_dung_han')!.value).toBeNull();
    const read = await index766Inputs(store, officerA, { unitId: ids.A, month: '2026-10', today: TODAY });
    expect(read.inputs.map((i) => i.key)).toContain('ho_so_tai_su_dung');
  });
});
