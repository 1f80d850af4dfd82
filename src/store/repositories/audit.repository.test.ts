import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore } from '../testing/test-store';
import type { Store } from '../store';

describe('the audit trail', () => {
  let store: Store & { dispose(): Promise<void> };
  let ids: { P: number; A: number; B: number; Q: number; officerA: number; adminP: number };

  beforeEach(async () => {
    store = await openTestStore();
    const unit = (code: string, name: string, level: 'province' | 'commune', parentId: number | null) =>
      store.units.insert({ code, name, level, parentId, validFrom: '2025-07-01', validTo: null });
    const P = await unit('19', 'Tỉnh Thái Nguyên', 'province', null);
    const A = await unit('01906', 'Xã Ba Bể', 'commune', P);
    const B = await unit('02020', 'Xã Chợ Đồn', 'commune', P);
    const Q = await unit('26', 'Tỉnh Vĩnh Phúc', 'province', null);
    const officerA = (await store.users.insert({ username: 'xababe', displayName: 'Nguyễn Văn A', passwordHash: 'x', role: 'officer', unitId: A })).id;
    const adminP = (await store.users.insert({ username: 'admin', displayName: 'Trần Thị B', passwordHash: 'x', role: 'admin', unitId: P })).id;
    ids = { P, A, B, Q, officerA, adminP };
  });
  afterEach(() => store.dispose());

  it('refuses every update, delete and truncate, on this engine', async () => {
    await store.audit.record({ userId: ids.officerA, action: 'report.values.save', subject: 'báo cáo 1' });
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(store.db)).rejects.toThrow(/append-only/);
    expect(await store.audit.list(10)).toHaveLength(1);
  });

  it('keeps the actor and unit names as they were when an account is renamed later', async () => {
    await store.audit.record({ userId: ids.officerA, action: 'report.values.save' });
    await store.users.update(ids.officerA, { displayName: 'Tên Mới' });
    const [event] = await store.audit.list(10);
    expect(event).toMatchObject({
      actorUsername: 'xababe',
      actorName: 'Nguyễn Văn A',
      actorRole: 'officer',
      actorUnit: { id: ids.A, code: '01906', name: 'Xã Ba Bể' },
      unit: { id: ids.A, code: '01906', name: 'Xã Ba Bể' },
      outcome: 'ok',
      channel: 'system',
    });
  });

  it('reads events about or by a unit subtree, by user, action prefix, outcome and Vietnam dates', async () => {
    await store.audit.record({ userId: ids.officerA, action: 'report.values.save', unitId: ids.A });
    await store.audit.record({ userId: ids.adminP, action: 'report.transition', unitId: ids.B });
    await store.audit.record({ userId: null, action: 'auth.login', outcome: 'refused', status: 401, actor: { username: 'ke.la', name: 'ke.la' } });
    await store.audit.record({ userId: null, action: 'calendar.override.set', unitId: ids.Q, actor: { username: null, name: 'Dòng lệnh (root@may)' } });

    const actions = async (filter: Parameters<Store['audit']['list']>[0]) => (await store.audit.list(filter)).map((e) => e.action);
    expect(await actions({ withinUnitId: ids.P, limit: 10 })).toEqual(['report.transition', 'report.values.save']);
    expect(await actions({ withinUnitId: ids.A, limit: 10 })).toEqual(['report.values.save']);
    // The province admin acted on commune B: visible from B, and from P as its actor's unit.
    expect(await actions({ withinUnitId: ids.B, limit: 10 })).toEqual(['report.transition']);
    expect(await actions({ withinUnitId: ids.Q, limit: 10 })).toEqual(['calendar.override.set']);
    expect(await actions({ limit: 10 })).toHaveLength(4);
    expect(await actions({ username: 'admin', limit: 10 })).toEqual(['report.transition']);
    expect(await actions({ action: 'report.', limit: 10 })).toEqual(['report.transition', 'report.values.save']);
    expect(await actions({ action: 'report', limit: 10 })).toEqual([]);
    expect(await actions({ outcome: 'refused', limit: 10 })).toEqual(['auth.login']);
    const { rows } = await sql<{ today: string }>`SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') AS today`.execute(store.db);
    const today = rows[0]!.today;
    expect(await actions({ from: today, to: today, limit: 10 })).toHaveLength(4);
    expect(await actions({ to: '2020-01-01', limit: 10 })).toEqual([]);
    const newest = await store.audit.list({ limit: 2 });
    expect(await actions({ beforeId: newest[1]!.id, limit: 10 })).toEqual(['report.transition', 'report.values.save']);
  });
});
