import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/* Issue #17, defect 14: deeply nested narrative sections end `cchc export` with a message and exit code 2, never a crash. */
describe('cchc export of deeply nested sections', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-deep-cli-'));
  const env = { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const fileWith = (levels: number) => {
    const fixture = JSON.parse(readFileSync(root('src/services/reports/fixtures/thinh-duc-2024-q1.json'), 'utf8'));
    let sections: unknown[] = [];
    for (let i = levels; i > 0; i--) sections = [{ id: `s${i}`, title: `Mục ${i}`, blocks: [], children: sections }];
    const path = join(dir, `sau-${levels}-cap.json`);
    writeFileSync(path, JSON.stringify({ ...fixture, meta: { unitName: 'UBND xã Thịnh Đức' }, narrative: { sections } }));
    return path;
  };
  const exportDocx = (file: string, out: string) => spawnSync(process.execPath, [root('bin/cchc.js'), 'export', file, '--format', 'docx', '--out', out], { env, encoding: 'utf8', timeout: 120_000 });

  it.each([
    [1000, /lồng nhau quá/],
    [12, /Mục lồng nhau quá sâu: tối đa 8 cấp/],
  ])('%i levels: exit code 2, a Vietnamese message, no file', (levels, message) => {
    const out = join(dir, `sau-${levels}.docx`);
    const result = exportDocx(fileWith(levels), out);
    expect(result.status, result.stderr).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/RangeError|at .*\.js:\d+/);
    expect(existsSync(out)).toBe(false);
  }, 120_000);

  it('8 levels are still a report', () => {
    const out = join(dir, 'sau-8.docx');
    const result = exportDocx(fileWith(8), out);
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  }, 120_000);
});
