import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cchc-templates-cli-'));
const cchc = (...args: string[]) => {
  const r = spawnSync(process.execPath, [root('bin/cchc.js'), ...args], {
    env: { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('template and check commands', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the shipped templates and shows every row as JSON', () => {
    const list = JSON.parse(cchc('template', 'list', '--json').stdout) as Array<{ id: string }>;
    expect(list.map((t) => t.id).sort()).toEqual(['hai-duong-xa-6thang', 'mac-dinh-xa', 'thai-nguyen-xa-2cap', 'thai-nguyen-xa-quy', 'thanh-hoa-xa-quy']);
    const shown = JSON.parse(cchc('template', 'show', 'thai-nguyen-xa-quy', '--json').stdout);
    const row = shown.rows.find((r: { code: string | null }) => r.code === '3.4.2.');
    expect(row).toMatchObject({ id: 'r_3_4_2', unit: '%', kind: 'percent', source: { formula: 'r_3_4_2_b / r_3_4_2_a * 100' } });
    expect(cchc('template', 'show', 'khong-co').code).toBe(2);
  });

  it('checks the values printed in seed 001: exit 1 with the errors, 0 once corrected', () => {
    const printed = root('src/services/reports/fixtures/thinh-duc-2024-q1.json');
    const result = cchc('check', printed, '--json');
    expect(result.code).toBe(1);
    const findings = JSON.parse(result.stdout).findings as Array<{ severity: string; code: string; rule: string; expected: string | null }>;
    const rows = findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.rule}`);
    expect(rows).toEqual(expect.arrayContaining(['3.4.2. formula_matches', '3.3.4. percent_range', '1.1. formula_matches', '3.2.2. formula_matches', '7.2. enum_in_legend']));
    // 2.4 prints 100 % for 0/0: a warning on that row; 6.1 is blank with both parts printed: information with its value.
    expect(findings.filter((f) => f.code === '2.4.')).toEqual([expect.objectContaining({ severity: 'warning', rule: 'rate_not_computable' })]);
    expect(findings.filter((f) => f.code === '6.1.')).toEqual([expect.objectContaining({ severity: 'information', rule: 'formula_blank', expected: '0' })]);
    const text = cchc('check', printed).stdout;
    expect(text).toContain(
      'CẢNH BÁO 2.4. Tỷ lệ xử lý văn bản sau kiểm tra, rà soát: Ghi 100% nhưng mẫu số bằng 0 (0/0) nên không tính được. Hãy để trống hoặc ghi "không phát sinh".\n',
    );
    expect(text).toContain('THÔNG TIN 6.1. Tỷ lệ thực hiện kế hoạch giải ngân vốn đầu tư công: Tỷ lệ để trống; tính từ số liệu thành phần được 0% (0/1.180.000).\n');
    // The "-" printed at 2.2 is "không phát sinh", not an error.
    expect(text).not.toContain(' 2.2. ');
    expect(text).toMatch(/6 lỗi, 2 cảnh báo \(0 đã giải trình\), 1 thông tin\.\n$/);
    const data = JSON.parse(readFileSync(printed, 'utf8'));
    Object.assign(data.values, { '3.4.2': '98,07', '3.3.4': '100', '1.1': '37,5', '3.2.2': '100', '7.2': '2' });
    const fixed = join(dir, 'fixed.json');
    writeFileSync(fixed, JSON.stringify(data));
    const ok = cchc('check', fixed);
    expect(ok.code, ok.stdout).toBe(0);
    expect(ok.stdout).toMatch(/0 lỗi|Không phát hiện lỗi/);
  });

  it('explains a broken template file with its line, and a broken data file, in Vietnamese', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: thu\nversion: "1"\ntitle: Thử\nissuer: Thử\nlevels: [commune]\nperiods: [quarter]\nrows:\n  - id: r_1\n    label: Một\n    kind: phantram\n');
    const result = cchc('template', 'validate', broken);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${broken}, dòng 10 (rows.0.kind)`);
    const badJson = join(dir, 'bad.json');
    writeFileSync(badJson, '{"template": "khong-co", "values": {}}');
    const missing = cchc('check', badJson);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Không có biểu mẫu "khong-co"/);
  });
});
