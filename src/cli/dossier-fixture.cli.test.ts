import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED, FIXTURE_WINDOW } from '../services/dossiers/fixtures/dossiers-fixture.expected';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const FIXTURES = 'src/services/dossiers/fixtures';

describe('the hand-counted dossier fixture through the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-fixture-cli-'));
  const env = { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  const cchc = (...args: string[]) => {
    const r = spawnSync(process.execPath, [root('bin/cchc.js'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    const csv = [
      'Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến',
      '19,Tỉnh Thái Nguyên,Tỉnh,,01/07/2025,',
      '01906,Xã Ba Bể,Xã,19,01/07/2025,',
    ].join('\n');
    const unitsFile = join(dir, 'units.csv');
    writeFileSync(unitsFile, csv);
    expect(cchc('units', 'import', unitsFile).code).toBe(0);
    expect(cchc('procedures', 'import', root('demo/procedures.csv')).code).toBe(0);
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports it, prints exactly the expected statistics, and re-imports without change', () => {
    const imported = cchc('import', 'dossiers', root(`${FIXTURES}/dossiers-fixture.csv`), '--source', 'motcua', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ inserted: 308, updated: 0, unchanged: 0, rejected: 0, errors: [] });

    const stats = cchc('stats', '--unit', FIXTURE_WINDOW.unit, '--from', FIXTURE_WINDOW.from, '--to', FIXTURE_WINDOW.to, '--by', 'field', '--json');
    expect(stats.code, stats.stderr).toBe(0);
    const json = JSON.parse(stats.stdout);
    const { byField, ...expected } = EXPECTED;
    for (const [key, value] of Object.entries(expected)) expect(json[key], key).toEqual(value);
    type Group = { label: string; received: { in_period: number }; resolved: { total: number } };
    const groups: Group[] = json.groups;
    const perField = (pick: (g: Group) => number) => Object.fromEntries(groups.map((g) => [g.label, pick(g)]).filter(([, n]) => n !== 0));
    expect(perField((g) => g.received.in_period)).toEqual(byField.received_in_period);
    expect(perField((g) => g.resolved.total)).toEqual(byField.resolved_total);

    const again = cchc('import', 'dossiers', root(`${FIXTURES}/dossiers-fixture.csv`), '--source', 'motcua', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 308, rejected: 0 });
    const text = cchc('stats', '--unit', FIXTURE_WINDOW.unit, '--from', FIXTURE_WINDOW.from, '--to', FIXTURE_WINDOW.to);
    expect(text.stdout).toContain('Tiếp nhận trong kỳ                  259  (trực tiếp 165, trực tuyến 85, bưu chính 9)');
  }, 120_000);

  it('keeps the good rows of the bad file and names each bad one, exit code 3', () => {
    const result = cchc('import', 'dossiers', root(`${FIXTURES}/dossiers-bad.csv`), '--source', 'motcua', '--json');
    expect(result.code).toBe(3);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ inserted: 4, rejected: 8 });
    const where = json.errors.map((e: { row: number; column: string }) => [e.row, e.column]);
    expect(where).toEqual([
      [3, 'Ngày tiếp nhận'],
      [5, 'Ngày hẹn trả'],
      [6, 'Mã thủ tục'],
      [7, 'Mã đơn vị'],
      [9, 'Mã hồ sơ'],
      [10, 'Kênh tiếp nhận'],
      [11, 'Trạng thái'],
      [12, 'Ngày có kết quả'],
    ]);
    expect(json.errors.find((e: { row: number }) => e.row === 5).value).toBe('319/01/2023');
    const text = cchc('import', 'dossiers', root(`${FIXTURES}/dossiers-bad.csv`), '--source', 'motcua');
    expect(text.stdout).toContain('dòng 10, cột "Kênh tiếp nhận", giá trị "Qua Zalo"');
  }, 120_000);
});
