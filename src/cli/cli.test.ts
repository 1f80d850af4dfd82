import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { listMigrations } from '../store/migrate';

const BIN = fileURLToPath(new URL('../../bin/cchc.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cchc-cli-'));
const env = { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

function cchc(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const HEADER = 'Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến';

// Each case spawns the real binary several times (a few seconds each on a loaded machine).
describe('the cchc command', { timeout: 120_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists its commands in Vietnamese', () => {
    const { code, stdout } = cchc('--help');
    expect(code).toBe(0);
    for (const command of ['serve', 'db', 'units', 'users', 'calendar', 'period']) expect(stdout).toContain(command);
    expect(stdout).toContain('hiện trợ giúp');
  });

  it('migrates, then reports the store up to date', () => {
    const first = cchc('db', 'migrate', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ engine: 'pglite', applied: listMigrations().map((m) => m.name) });
    expect(JSON.parse(first.stdout).applied).toContain('001_foundation');
    const second = cchc('db', 'migrate');
    expect(second.stdout).toMatch(/đã ở phiên bản mới nhất/);
  });

  it('imports a units CSV idempotently and rejects a bad one without storing anything', () => {
    const good = file('good.csv', `${HEADER}\n30,Tỉnh Hải Dương,Tỉnh,,,30/06/2025\n300,Huyện Thanh Miện,Huyện,30,,30/06/2025\n`);
    expect(JSON.parse(cchc('units', 'import', good, '--json').stdout)).toMatchObject({ inserted: 2 });
    expect(cchc('units', 'import', good).stdout).toMatch(/thêm mới 0, cập nhật 0, không đổi 2/);

    const bad = file('bad.csv', `${HEADER}\n11266,Xã Lê Hồng,Xã,300,,30/06/2025\n11269,Xã Ngô Quyền,Xã,999,,30/06/2025\n`);
    const rejected = cchc('units', 'import', bad, '--json');
    expect(rejected.code).toBe(2);
    expect(rejected.stdout).toBe('');
    expect(rejected.stderr).toContain(`${bad}, dòng 3, cột "Mã cấp trên": không tìm thấy đơn vị cấp trên có mã "999"`);
    // the valid first row was not stored either
    expect(cchc('units', 'import', good).stdout).toMatch(/không đổi 2/);
    const added = cchc('users', 'add', '--username', 'xa.lehong', '--name', 'Cán bộ', '--role', 'officer', '--unit', '11266', '--as-of', '2022-06-13', '--password', 'mat-khau-dai');
    expect(added.code).toBe(2);
    expect(added.stderr).toMatch(/không có đơn vị mã "11266" còn hiệu lực ngày 13\/06\/2022/);
  });

  it('adds a user bound to a unit of the right era', () => {
    const ok = cchc('users', 'add', '--username', 'huyen.tm', '--name', 'Phòng Nội vụ', '--role', 'reviewer', '--unit', '300', '--as-of', '13/06/2022', '--password', 'mat-khau-dai');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Đã tạo tài khoản "huyen.tm" (Cán bộ thẩm định) thuộc Huyện Thanh Miện (300)');
    const again = cchc('users', 'add', '--username', 'huyen.tm', '--name', 'X', '--role', 'reviewer', '--unit', '300', '--as-of', '2022-06-13', '--password', 'mat-khau-dai');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Tên đăng nhập "huyen.tm" đã được dùng.');
  });

  it('explains unknown commands and missing options in Vietnamese with exit code 2', () => {
    const unknown = cchc('khong-co');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^Lỗi: không có lệnh "khong-co"/);
    const missing = cchc('units', 'import');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/thiếu tham số/);
    const noFile = cchc('units', 'import', join(dir, 'khong-co.csv'));
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/không đọc được tệp/);
  });
});
