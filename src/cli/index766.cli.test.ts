import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PROCEDURES } from '../services/dossiers/testing/dossier-test-setup';
import { INDEX_DOSSIERS } from '../services/index766/testing/index766-fixture';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

describe('cchc index766', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-index766-cli-'));
  const env = { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  const cchc = (...args: string[]) => {
    const r = spawnSync(process.execPath, [root('bin/cchc.js'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const units = file('units.csv', ['Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến', '19,Tỉnh Thái Nguyên,Tỉnh,,01/07/2025,', '01906,Xã Ba Bể,Xã,19,01/07/2025,', '02020,Xã Chợ Đồn,Xã,19,01/07/2025,'].join('\n'));
    expect(cchc('units', 'import', units).code).toBe(0);
    expect(cchc('procedures', 'import', file('thu-tuc.csv', TEST_PROCEDURES)).code).toBe(0);
    const imported = cchc('import', 'dossiers', file('ho-so.csv', INDEX_DOSSIERS), '--source', 'motcua');
    expect(imported.code, imported.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives a province its groups, sub-indicators with numerator, denominator and points, and the ranking of its communes', () => {
    const run = cchc('index', '--unit', '19', '--period', '2026-M10', '--json');
    expect(run.code, run.stderr).toBe(0);
    const body = JSON.parse(run.stdout);
    expect(body.score.groups).toHaveLength(6);
    // Imported dossiers carry no supplement events: A3 is on time here, so 5 of 8 count.
    expect(body.score.groups[1].indicators[0]).toMatchObject({ id: 'tien_do', numerator: 5, denominator: 8, points: 12.5 });
    expect(body.children.map((c: { unit: { code: string }; rank: number }) => [c.unit.code, c.rank])).toEqual([
      ['02020', 1],
      ['01906', 2],
    ]);
    const text = cchc('index766', 'score', '--unit', '19', '--period', '2026-M10');
    expect(text.stdout).toContain('Tiến độ, kết quả giải quyết: 12,5/20');
    expect(text.stdout).toContain('1. Xã Chợ Đồn (02020)');
  }, 120_000);

  it("lists a commune's points lost with its dossiers, and writes them to Excel", async () => {
    const out = join(dir, 'mat-diem.xlsx');
    const run = cchc('index766', 'against', '--unit', '01906', '--period', '2026-M10', '--indicator', 'tien_do', '--xlsx', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dossiers.map((d: { code: string }) => d.code)).toEqual(['A0', 'A2', 'A5']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(String(workbook.worksheets[0]!.getRow(6).getCell(2).value)).toBe('A0');
  }, 120_000);

  it('takes manual inputs as an account, and refuses a bad one in Vietnamese', () => {
    expect(cchc('users', 'add', '--username', 'canbo', '--name', 'Cán bộ', '--role', 'officer', '--unit', '01906', '--password', 'mat-khau-rat-dai-1').code).toBe(0);
    const saved = cchc('index766', 'inputs', '--unit', '01906', '--month', '2026-10', '--set', 'pakn_tong=4,pakn_dung_han=3', '--as', 'canbo', '--json');
    expect(saved.code, saved.stderr).toBe(0);
    expect(JSON.parse(saved.stdout).inputs.find((i: { key: string }) => i.key === 'pakn_tong').value).toBe(4);
    const bad = cchc('index766', 'inputs', '--unit', '01906', '--month', '2026-10', '--set', 'khong_co=1', '--as', 'canbo');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Không có số liệu nhập tay "khong_co"');
  }, 120_000);
});
