import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { importUnits } from './import-units';

type TestStore = Awaited<ReturnType<typeof openTestStore>>;

const HEADER = 'Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến';
const GOOD = [
  HEADER,
  '30,Tỉnh Hải Dương,Tỉnh,,,30/06/2025',
  '300,Huyện Thanh Miện,Huyện,30,,30/06/2025',
  '11266,Xã Lê Hồng,Xã,300,,30/06/2025',
].join('\n');

async function rejection(promise: Promise<unknown>): Promise<ImportRejectedError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportRejectedError) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

describe(`importUnits on ${testEngineName()}`, () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('imports a CSV tree and is idempotent', async () => {
    const first = await importUnits(store, { file: 'units.csv', text: GOOD });
    expect(first).toMatchObject({ rows: 3, inserted: 3, updated: 0, unchanged: 0 });
    const again = await importUnits(store, { file: 'units.csv', text: GOOD });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const commune = await store.units.findByCodeOn('11266', '2022-06-13');
    expect(commune?.name).toBe('Xã Lê Hồng');
    expect((await store.units.ancestors(commune!.id)).map((u) => u.name)).toEqual(['Huyện Thanh Miện', 'Tỉnh Hải Dương']);
  });

  it('updates a renamed unit in place', async () => {
    const renamed = GOOD.replace('Xã Lê Hồng', 'Xã Lê Hồng Mới');
    expect(await importUnits(store, { file: 'units.csv', text: renamed })).toMatchObject({ updated: 1, unchanged: 2 });
    await importUnits(store, { file: 'units.csv', text: GOOD });
  });

  it('attaches new rows to parents already stored', async () => {
    const result = await importUnits(store, { file: 'more.csv', text: `${HEADER}\n11269,Xã Mới,Xã,300,,30/06/2025` });
    expect(result.inserted).toBe(1);
  });

  it.each([
    ['a missing parent', `${HEADER}\n11299,Xã A,Xã,999,,`, 2, 'Mã cấp trên', /không tìm thấy đơn vị cấp trên có mã "999"/],
    ['a duplicate code', `${HEADER}\n40,Tỉnh X,Tỉnh,,,\n40,Tỉnh Y,Tỉnh,,,`, 3, 'Mã', /mã "40" bị trùng với dòng 5\./],
    ['a malformed date', `${HEADER}\n41,Tỉnh Z,Tỉnh,,319/01/2023,`, 2, 'Hiệu lực từ', /ngày "319\/01\/2023" không hợp lệ/],
    ['an unknown level', `${HEADER}\n42,Tỉnh Z,Vùng,,,`, 2, 'Cấp', /cấp "Vùng" không hợp lệ/],
    ['a commune under a commune', `${HEADER}\n11270,Xã B,Xã,11266,,30/06/2025`, 2, 'Cấp', /không thể trực thuộc/],
    ['an end before the start', `${HEADER}\n43,Tỉnh Q,Tỉnh,,01/07/2025,30/06/2025`, 2, 'Hiệu lực đến', /trước ngày bắt đầu/],
  ])('rejects %s with row and column, storing nothing', async (_case, csv, row, column, message) => {
    const before = await store.units.count();
    const error = await rejection(importUnits(store, { file: 'bad.csv', text: `${GOOD}\n${csv.split('\n').slice(1).join('\n')}` }));
    const issue = error.issues.find((i) => i.column === column);
    expect(issue, error.message).toBeDefined();
    expect(issue!.row).toBe(row + 3);
    expect(issue!.file).toBe('bad.csv');
    expect(issue!.message).toMatch(message);
    expect(error.message).toContain(`bad.csv, dòng ${row + 3}, cột "${column}"`);
    expect(await store.units.count()).toBe(before);
  });

  it('rejects a file without the required headers', async () => {
    const error = await rejection(importUnits(store, { file: 'x.csv', text: 'Code,Name\n1,A' }));
    expect(error.issues.map((i) => i.column)).toEqual(['Mã', 'Tên', 'Cấp']);
  });

  it('matches headers regardless of case, diacritics and order', async () => {
    const text = 'ten,MA,cap,ma cap tren,hieu luc tu,hieu luc den\nTỉnh Thử,77,tỉnh,,01/07/2025,';
    expect((await importUnits(store, { file: 'loose.csv', text })).inserted).toBe(1);
  });

  it('loads both real lists side by side', async () => {
    const read = (name: string) => readFileSync(new URL(`../../../reference/units/${name}`, import.meta.url), 'utf8');
    const old = await importUnits(store, { file: 'vn-units-2025-03-01.json', text: read('vn-units-2025-03-01.json') });
    expect(old.rows).toBe(63 + 696 + 10035);
    const current = await importUnits(store, { file: 'vn-units-2026-04-30.json', text: read('vn-units-2026-04-30.json') });
    expect(current).toMatchObject({ rows: 34 + 3321, inserted: 34 + 3321 });
    // The CSV's "Tỉnh Hải Dương" (30, open start) is the same unit as the list's, so it is updated, not added.
    expect((await store.units.roots('2025-06-30')).length).toBe(63);
    expect((await store.units.roots('2026-01-01')).length).toBe(34 + 1); // + "Tỉnh Thử" 77 from the loose CSV
    const thinhDuc = await store.units.search({ folded: 'thinh duc', asOf: '2025-03-01', limit: 5 });
    expect(thinhDuc.map((u) => u.code)).toContain('05497');
    const again = await importUnits(store, { file: 'vn-units-2026-04-30.json', text: read('vn-units-2026-04-30.json') });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 34 + 3321 });
  }, 120_000);
});
