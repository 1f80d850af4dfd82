import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/store';
import { main } from './main';

/** In-process: main() is what bin/cchc.js runs; the audit trail is read back from the folder. */
describe('the audit trail of CLI commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-audit-'));
  const saved = { data: process.env.CCHC_DATA_DIR, url: process.env.DATABASE_URL };
  const cchc = (...args: string[]) => main(['node', 'cchc', ...args]);
  beforeAll(() => {
    process.env.CCHC_DATA_DIR = join(dir, 'data');
    process.env.DATABASE_URL = '';
  });
  afterAll(() => {
    process.env.CCHC_DATA_DIR = saved.data;
    process.env.DATABASE_URL = saved.url;
    rmSync(dir, { recursive: true, force: true });
  });

  it('records what changed data, as whom, and what was refused; not what only read', async () => {
    const units = join(dir, 'units.csv');
    writeFileSync(units, 'Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến\n19,Tỉnh Thái Nguyên,Tỉnh,,01/07/2025,\n01906,Xã Ba Bể,Xã,19,01/07/2025,\n');
    expect(await cchc('units', 'import', units)).toBe(0);
    expect(await cchc('users', 'add', '--username', 'xababe', '--name', 'Nguyễn Văn A', '--role', 'officer', '--unit', '01906', '--password', 'mat-khau-bi-mat', '--as-of', '2026-01-01')).toBe(0);
    expect(await cchc('obligations', 'set', '--unit', '19', '--template', 'mac-dinh-xa', '--periods', 'quarter', '--deadline-days', '5', '--as', 'xababe')).toBe(1);
    expect(await cchc('obligations', 'list')).toBe(0);

    const store = await openStore({ engine: 'pglite', dataDir: join(dir, 'data') });
    try {
      const events = (await store.audit.list(20)).reverse();
      expect(events.map((e) => [e.action, e.outcome, e.channel])).toEqual([
        ['units.import', 'ok', 'cli'],
        ['users.add', 'ok', 'cli'],
        ['obligation.set', 'refused', 'cli'],
      ]);
      expect(events[0]!.actorName).toMatch(/^Dòng lệnh \(/);
      expect(events[1]).toMatchObject({ unit: { code: '01906' }, route: 'cchc users add' });
      expect(JSON.stringify(events[1]!.details)).not.toContain('mat-khau-bi-mat');
      expect(events[2]).toMatchObject({ actorUsername: 'xababe', actorName: 'Nguyễn Văn A', status: 1 });
      expect(events[2]!.details).toMatchObject({ options: { unit: '19', as: 'xababe' }, error: expect.any(String) });
    } finally {
      await store.close();
    }
  }, 120_000);
});
