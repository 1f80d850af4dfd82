import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cchc-lists-cli-'));
const cchc = (...args: string[]) => {
  const r = spawnSync(process.execPath, [root('bin/cchc.js'), ...args], {
    env: { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

// Spawns the binary eight times: on a loaded machine that takes minutes.
describe('cchc lists', { timeout: 300_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a commune’s procedure list and staff register, refuses a bad file whole with row and column, and shows them', () => {
    expect(cchc('units', 'import', root('reference/units/vn-units-2026-04-30.json')).code).toBe(0);
    const list = file('dm.csv', 'Mã thủ tục,Tên thủ tục,Lĩnh vực,Mức độ,Hiệu lực từ,Hiệu lực đến\n1.001193,Đăng ký khai sinh,Hộ tịch,Toàn trình,01/07/2025,\n1.000894,Đăng ký kết hôn,Hộ tịch,Một phần,01/07/2025,30/06/2026');
    const imported = cchc('lists', 'procedures', 'import', list, '--unit', '01906', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ rows: 2, inserted: 2 });
    expect(cchc('lists', 'procedures', 'show', '--unit', '01906').stdout).toContain('1.000894     01/07/2025–30/06/2026 Một phần');
    const bad = cchc('lists', 'register', 'import', 'staff', file('cb.csv', 'Chức danh,Loại,Từ ngày\nChủ tịch,Giám đốc,01/07/2025'), '--unit', '01906');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('cb.csv, dòng 2, cột "Loại": "Giám đốc" không hợp lệ');
    const good = cchc('lists', 'register', 'import', 'staff', file('cb2.csv', 'Chức danh,Họ và tên,Loại,Từ ngày\nChủ tịch,Nguyễn Văn A,Cán bộ,01/07/2025'), '--unit', '01906');
    expect(good.stdout).toContain('Đã nạp sổ cán bộ, công chức của Xã Ba Bể: 1 dòng.');
    expect(JSON.parse(cchc('lists', 'register', 'show', 'staff', '--unit', '01906', '--json').stdout)).toMatchObject([{ data: { name: 'Nguyễn Văn A', category: 'can_bo' } }]);
    expect(cchc('lists', 'register', 'show', 'luong', '--unit', '01906').code).toBe(2);
  });
});
