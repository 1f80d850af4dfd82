import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { computeDossierStats } from './compute-dossier-stats';
import { importDossiers } from './import-dossiers';
import { addUser } from '../users/add-user';
import { DOSSIER_HEADER, seedDossierWorld, tempFile } from './testing/dossier-test-setup';

const rows = [
  // code, unit, procedure, channel, received, due, result, delivered, status, dig-in, dig-out, fee, paid, rating
  'HS-001,01906,1.001193,,,,Trực tuyến,05/01/2026 08:00,05/01/2026 17:00,05/01/2026 10:00,05/01/2026 15:00,Đã trả kết quả,x,x,,,Rất hài lòng',
  'HS-002,01906,2.000884,,,,Trực tiếp,06/01/2026 09:00,06/01/2026 17:00,07/01/2026 09:00,,Đã có kết quả,1,0,Có,Có,Hài lòng',
  'HS-003,01906,1.001022,,,,Bưu chính công ích,10/12/2025 09:00,15/12/2025 17:00,,,Đang giải quyết,Không,Không,Không,Không,',
  'HS-004,01906,1.001022,,,,Trực tuyến,02/02/2026 09:00,,,,Chờ bổ sung,Có,Không,,,',
  'HS-005,01906,1.001022,,,,Trực tiếp,03/02/2026 09:00,06/02/2026 17:00,04/02/2026 09:00,,Trả lại,Không,Không,,,',
].map((r) => r);
const csv = (lines: string[]) => [DOSSIER_HEADER, ...lines].join('\n');

describe(`importDossiers on ${testEngineName()}`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let ids: Awaited<ReturnType<typeof seedDossierWorld>>;
  beforeAll(async () => {
    store = await openTestStore();
    ids = await seedDossierWorld(store);
  });
  afterAll(async () => store.dispose());

  it('imports, computes the statistics, and is idempotent', async () => {
    const path = tempFile('ho-so.csv', csv(rows));
    const first = await importDossiers(store, { path, source: 'motcua', actor: null });
    expect(first).toMatchObject({ inserted: 5, updated: 0, unchanged: 0, rejected: 0, errors: [] });
    const stats = (await computeDossierStats(store, null, { unitId: ids.A, from: '2026-01-01', to: '2026-02-28' })).stats;
    expect(stats.received).toEqual({ carried_over: 1, in_period: 4, direct: 2, online: 2, postal: 0, online_full: 1, online_partial: 1, total: 5 });
    expect(stats.resolved).toEqual({ total: 2, early: 0, on_time: 1, late: 1 });
    expect(stats.returned).toBe(1);
    // HS-003 (due 15/12/2025) and HS-004 (due computed: 3 working days after 02/02/2026) are open at the end.
    expect(stats.pending).toEqual({ total: 2, in_time: 0, overdue: 2, paused: 1 });
    expect(stats.digitized).toEqual({ input: 3, output: 1 });
    expect(stats.payment).toEqual({ with_fee: 1, online: 1 });
    expect(stats.rating).toEqual({ total: 2, very_satisfied: 1, satisfied: 1, unsatisfied: 0 });
    expect(stats.rates.on_time_pct).toEqual({ value: 50, numerator: 1, denominator: 2 });

    // A window still running: pending and overdue are what they are today (03/02/2026), not on 31/12.
    const running = await computeDossierStats(store, null, { unitId: ids.A, from: '2026-01-01', to: '2026-12-31', today: '2026-02-03' });
    expect(running.stocksOn).toBe('2026-02-03');
    // HS-003 (due 15/12/2025) overdue; HS-004 (due 05/02, waiting for papers) and HS-005 (returned only on 04/02) in time.
    expect(running.stats.pending).toEqual({ total: 3, in_time: 2, overdue: 1, paused: 1 });

    const again = await importDossiers(store, { path, source: 'motcua', actor: null });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    const same = (await computeDossierStats(store, null, { unitId: ids.A, from: '2026-01-01', to: '2026-02-28' })).stats;
    expect(same).toEqual(stats);
  });

  it('updates a dossier whose state moved on, and moves its numbers', async () => {
    const moved = rows.map((r) =>
      r.startsWith('HS-004') ? 'HS-004,01906,1.001022,,,,Trực tuyến,02/02/2026 09:00,,20/02/2026 10:00,,Đã có kết quả,Có,Có,,,Không hài lòng' : r,
    );
    const result = await importDossiers(store, { path: tempFile('moi.csv', csv(moved)), source: 'motcua', actor: null });
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 4 });
    const stats = (await computeDossierStats(store, null, { unitId: ids.A, from: '2026-01-01', to: '2026-02-28' })).stats;
    expect(stats.resolved.total).toBe(3);
    expect(stats.pending).toMatchObject({ total: 1, paused: 0 });
    expect(stats.rating.unsatisfied).toBe(1);
  });

  it('keeps the good rows and reports each bad one with line, column, value and reason', async () => {
    const bad = [
      'X-1,01906,1.001193,,,,Trực tiếp,31/02/2026,,,,Đang giải quyết,,,,,',
      'X-2,01906,9.999999,,,,Trực tiếp,01/03/2026,,,,Đang giải quyết,,,,,',
      'X-3,99999,1.001193,,,,Trực tiếp,01/03/2026,,,,Đang giải quyết,,,,,',
      'X-4,01906,1.001193,,,,Trực tiếp,01/03/2026,,,,Đang giải quyết,,,,,',
      'X-4,01906,1.001193,,,,Trực tiếp,02/03/2026,,,,Đang giải quyết,,,,,',
      'X-5,01906,1.001193,,,,Bằng chim bồ câu,01/03/2026,,,,Đang giải quyết,,,,,',
    ];
    const result = await importDossiers(store, { path: tempFile('loi.csv', csv(bad)), source: 'motcua', actor: null });
    expect(result).toMatchObject({ inserted: 1, rejected: 5 });
    const at = (row: number) => result.errors.find((e) => e.row === row)!;
    expect(at(2)).toMatchObject({ column: 'Ngày tiếp nhận', value: '31/02/2026' });
    expect(at(3)).toMatchObject({ column: 'Mã thủ tục', value: '9.999999', message: 'không có thủ tục mã "9.999999" trong danh mục thủ tục.' });
    expect(at(4)).toMatchObject({ column: 'Mã đơn vị', value: '99999' });
    expect(at(6)).toMatchObject({ column: 'Mã hồ sơ', value: 'X-4', message: 'mã hồ sơ trùng với dòng 5 trong cùng tệp.' });
    expect(at(7)).toMatchObject({ column: 'Kênh tiếp nhận', value: 'Bằng chim bồ câu' });
    const run = await store.importRuns.findById(result.runId);
    expect(run?.rejectedRows.map((r) => r.line)).toEqual([2, 3, 4, 6, 7]);
  });

  it('lets an officer import only for its own commune', async () => {
    const { user } = await addUser(store, { username: 'can.bo.a', displayName: 'Cán bộ A', password: 'mat-khau-dai', role: 'officer', unitId: ids.A });
    const officer = { id: user.id, username: user.username, displayName: user.displayName, role: user.role, unit: (await store.units.findById(ids.A))! };
    const text = csv([
      'Y-1,01906,1.001193,,,,Trực tiếp,01/03/2026,,,,Đang giải quyết,,,,,',
      'Y-2,02020,1.001193,,,,Trực tiếp,01/03/2026,,,,Đang giải quyết,,,,,',
    ]);
    const result = await importDossiers(store, { path: tempFile('y.csv', text), source: 'motcua', actor: officer });
    expect(result).toMatchObject({ inserted: 1, rejected: 1 });
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'Mã đơn vị', message: 'bạn không có quyền nhập hồ sơ cho Xã Chợ Đồn.' });
  });

  it('rejects a file without the required columns, storing nothing', async () => {
    const before = await store.dossiers.count();
    await expect(importDossiers(store, { path: tempFile('z.csv', 'Mã hồ sơ,Tên\n1,2'), source: 'motcua', actor: null })).rejects.toThrow(ImportRejectedError);
    expect(await store.dossiers.count()).toBe(before);
  });

  it('keeps a date-only appointment as a day, not as 00:00 of that day', async () => {
    const lines = [
      'HS-D1,01906,1.001022,,,,Trực tiếp,02/03/2026 09:00,05/03/2026,,,Đang giải quyết,Không,Không,,,',
      'HS-D2,01906,1.001022,,,,Trực tiếp,02/03/2026 09:00,05/03/2026 16:30,,,Đang giải quyết,Không,Không,,,',
    ];
    await importDossiers(store, { path: tempFile('hen-tra.csv', csv(lines)), source: 'hen-tra', actor: null });
    const due = (code: string) => store.db.selectFrom('dossiers').select(['due_at', 'due_day', 'due_from_source']).where('source', '=', 'hen-tra').where('code', '=', code).executeTakeFirstOrThrow();
    const [dateOnly, timed] = await Promise.all([due('HS-D1'), due('HS-D2')]);
    expect(dateOnly).toMatchObject({ due_at: null, due_from_source: true });
    expect(String(dateOnly.due_day)).toBe('2026-03-05');
    expect(new Date(timed.due_at as unknown as string).toISOString()).toBe('2026-03-05T09:30:00.000Z');
  });
});
