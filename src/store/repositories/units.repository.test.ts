import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestStore, testEngineName } from '../testing/test-store';
import type { NewUnit } from './units.repository';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;

const unit = (code: string, level: NewUnit['level'], parentId: number | null, extra: Partial<NewUnit> = {}): NewUnit => ({
  code,
  name: `Đơn vị ${code}`,
  level,
  parentId,
  validFrom: null,
  validTo: null,
  ...extra,
});

describe(`units repository on ${testEngineName()}`, () => {
  let store: TestStore;
  let ids: Record<string, number>;

  beforeEach(async () => {
    store = await openTestStore();
    // Old era: province 19 → district 164 → commune 05497, valid until 30/06/2025.
    const oldEra = { validTo: '2025-06-30' };
    const p = await store.units.insert(unit('19', 'province', null, oldEra));
    const d = await store.units.insert(unit('164', 'district', p, oldEra));
    const c1 = await store.units.insert(unit('05497', 'commune', d, { ...oldEra, name: 'Xã Thịnh Đức' }));
    const c2 = await store.units.insert(unit('05500', 'commune', d, oldEra));
    // New era reuses the province code 19.
    const p2 = await store.units.insert(unit('19', 'province', null, { validFrom: '2025-07-01' }));
    const c3 = await store.units.insert(unit('01906', 'commune', p2, { validFrom: '2025-07-01', name: 'Xã Ba Bể' }));
    ids = { p, d, c1, c2, p2, c3 };
  });

  afterEach(async () => {
    await store.dispose();
  });

  it('keeps both eras of a reused code apart', async () => {
    const both = await store.units.findByCode('19');
    expect(both.map((u) => u.validFrom)).toEqual(['2025-07-01', null].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b))));
    expect((await store.units.findByCodeOn('19', '2024-01-01'))?.id).toBe(ids.p);
    expect((await store.units.findByCodeOn('19', '2026-01-01'))?.id).toBe(ids.p2);
  });

  it('rejects a second unit with the same code and start date', async () => {
    await expect(store.units.insert(unit('164', 'district', ids.p!, { validTo: '2025-06-30' }))).rejects.toThrow();
  });

  it('answers children, subtree, ancestors and as-of queries', async () => {
    expect((await store.units.children(ids.d!)).map((u) => u.code)).toEqual(['05497', '05500']);
    expect((await store.units.subtree(ids.p!)).map((u) => u.code)).toEqual(['19', '164', '05497', '05500']);
    expect((await store.units.ancestors(ids.c1!)).map((u) => u.code)).toEqual(['164', '19']);
    expect((await store.units.roots('2024-05-01')).map((u) => u.id)).toEqual([ids.p]);
    expect((await store.units.roots('2025-07-01')).map((u) => u.id)).toEqual([ids.p2]);
    expect((await store.units.subtree(ids.p!, '2025-07-01')).length).toBe(0);
    expect(await store.units.isInSubtree(ids.p!, ids.c1!)).toBe(true);
    expect(await store.units.isInSubtree(ids.p2!, ids.c1!)).toBe(false);
    expect(await store.units.isInSubtree(ids.c1!, ids.c2!)).toBe(false);
  });

  it('searches folded names within a subtree', async () => {
    const found = await store.units.search({ folded: 'thinh duc', limit: 10 });
    expect(found.map((u) => u.name)).toEqual(['Xã Thịnh Đức']);
    expect(await store.units.search({ folded: 'thinh duc', withinId: ids.p2!, limit: 10 })).toEqual([]);
    expect(await store.units.search({ folded: 'thinh duc', asOf: '2026-01-01', limit: 10 })).toEqual([]);
    expect(await store.units.search({ folded: '100%', limit: 10 })).toEqual([]);
  });

  it('rolls back every write of a failed transaction', async () => {
    const before = await store.units.count();
    await expect(
      store.transaction(async (repos) => {
        await repos.units.insert(unit('99999', 'commune', ids.p2!));
        await repos.units.insert(unit('99999', 'commune', ids.p2!)); // duplicate key
      }),
    ).rejects.toThrow();
    expect(await store.units.count()).toBe(before);
  });
});
