import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { utf16le, windows1258 } from '../../import/testing/encodings';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { importDossiers } from './import-dossiers';
import { DOSSIER_HEADER, seedDossierWorld, tempFile } from './testing/dossier-test-setup';

const row = (code: string, received = '05/01/2026 08:00') => `${code},01906,1.001193,,,,Trực tuyến,${received},,,,Đang giải quyết,,,,,`;
const csv = (lines: string[]) => [DOSSIER_HEADER, ...lines].join('\r\n');

/** What the file-level hygiene means for a whole import: refused files store nothing, decoded files import. */
describe(`importDossiers and bad files on ${testEngineName()}`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore();
    await seedDossierWorld(store);
  });
  afterAll(async () => store.dispose());

  const refused = async (path: string) => {
    const before = { dossiers: await store.dossiers.count() };
    const error = await importDossiers(store, { path, source: 'motcua', actor: null, today: '2026-12-04' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejectedError);
    expect(await store.dossiers.count()).toBe(before.dossiers);
    return (error as ImportRejectedError).message;
  };

  it('refuses a header written twice, naming both columns, instead of reading the first', async () => {
    const text = csv([row('D-1')]).replace('Mã hồ sơ,', 'Mã hồ sơ,').replace(/\r\n/, ',Trạng thái\r\n').replace(/(\r\n.*)$/, '$1,Đã có kết quả');
    const message = await refused(tempFile('trung.csv', text));
    expect(message).toContain('trung.csv, dòng 1, cột "Trạng thái": tên cột "Trạng thái" có ở hai cột (cột L và cột R)');
  });

  it('refuses a NUL byte deep in the file with its row and column, keeping none of the rows before it', async () => {
    const lines = Array.from({ length: 4500 }, (_, i) => row(`N-${i}`));
    lines[4400] = `${row('N-4400')}ghi\u0000chú`;
    const message = await refused(tempFile('nul.csv', csv(lines)));
    expect(message).toContain('nul.csv, dòng 4402, cột "Đánh giá": ô có ký tự NUL (byte 0)');
  });

  it('rejects a receipt date in 2099 and keeps the good rows', async () => {
    const result = await importDossiers(store, { path: tempFile('2099.csv', csv([row('F-1'), row('F-2', '01/01/2099')])), source: 'motcua', actor: null, today: '2026-12-04' });
    expect(result).toMatchObject({ inserted: 1, rejected: 1 });
    expect(result.errors[0]).toMatchObject({ row: 3, column: 'Ngày tiếp nhận', message: 'ngày 01/01/2099 sau ngày nhập 04/12/2026 (ngày trong tương lai).' });
  });

  it('imports the same export saved as UTF-16 and as Windows-1258', async () => {
    for (const [name, bytes] of [
      ['u16.csv', utf16le(csv([row('E-16')]))],
      ['w1258.csv', windows1258(csv([row('E-1258')]))],
    ] as const) {
      const path = tempFile(name, '');
      writeFileSync(path, bytes);
      const result = await importDossiers(store, { path, source: 'motcua', actor: null });
      expect(result, name).toMatchObject({ inserted: 1, rejected: 0 });
    }
  });
});
