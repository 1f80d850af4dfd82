import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../services/auth/session-user';
import { computeReport, updateReportValues } from '../services/reports/compute-report';
import { completeReport } from '../services/reports/testing/complete-report';
import { openStore } from '../store/store';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const T = 'mac-dinh-xa';

describe('cchc report submit|approve|return|reopen, cchc rollup, cchc obligations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-workflow-cli-'));
  const dataDir = join(dir, 'data');
  const env = { ...process.env, CCHC_DATA_DIR: dataDir, DATABASE_URL: '' };
  const cchc = (...args: string[]) => {
    const r = spawnSync(process.execPath, [root('bin/cchc.js'), ...args], { env, encoding: 'utf8', timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const step = (verb: string, unit: string, as: string, ...more: string[]) => cchc('report', verb, '--unit', unit, '--period', '2026-Q1', '--template', T, '--as', as, ...more);
  const rollup = (...more: string[]) => cchc('rollup', '--unit', '19', '--period', '2026-Q1', '--template', T, ...more);

  beforeAll(async () => {
    const units = join(dir, 'units.csv');
    // Codes 19 and 01906 also name units of before 01/07/2025, as in the official lists.
    writeFileSync(
      units,
      [
        'Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến',
        '19,Tỉnh Thái Nguyên,Tỉnh,,,30/06/2025',
        '01906,Xã Khang Ninh,Xã,19,,30/06/2025',
        '19,Tỉnh Thái Nguyên,Tỉnh,,01/07/2025,',
        '01906,Xã Ba Bể,Xã,19,01/07/2025,',
        '02020,Xã Chợ Đồn,Xã,19,01/07/2025,',
      ].join('\n'),
    );
    expect(cchc('units', 'import', units).code).toBe(0);
    for (const [username, role, unit] of [['can.bo.a', 'officer', '01906'], ['can.bo.b', 'officer', '02020'], ['tham.dinh', 'reviewer', '19']] as const) {
      const added = cchc('users', 'add', '--username', username, '--name', `Người ${username}`, '--role', role, '--unit', unit, '--password', 'mat-khau-dai-du', '--as-of', '2026-01-01');
      expect(added.code, added.stderr).toBe(0);
    }
    // The officers fill their drafts (no dossiers: only the entered rows carry figures), every
    // other required row, the narrative and the signer.
    const store = await openStore({ engine: 'pglite', dataDir });
    try {
      for (const [username, values] of [
        ['can.bo.a', { r_1_2_a: 1000, r_1_2_b: 999 }],
        ['can.bo.b', { r_1_2_a: 224, r_1_2_b: 200 }],
      ] as const) {
        const account = (await store.users.findByUsername(username))!;
        const user: SessionUser = { id: account.id, username, displayName: account.displayName, role: account.role, unit: (await store.units.findById(account.unitId))! };
        const draft = await computeReport(store, user, { unitId: user.unit.id, templateId: T, periodId: '2026-Q1' });
        await updateReportValues(store, user, draft.report.id, { changes: Object.entries(values).map(([rowId, value]) => ({ rowId, value })) });
        await completeReport(store, user, draft.report.id);
      }
    } finally {
      await store.close();
    }
  }, 300_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('submits as the officer, refuses an approval by the officer, approves as the reviewer; the roll-up counts the approved report', async () => {
    const submitted = step('submit', '01906', 'can.bo.a', '--json');
    expect(submitted.code, submitted.stderr).toBe(0);
    expect(JSON.parse(submitted.stdout)).toMatchObject({ unit: { code: '01906' }, period: '2026-Q1', action: 'submit', status: 'submitted', statusLabel: 'Đã gửi, chờ duyệt' });

    const refused = step('approve', '01906', 'can.bo.a');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('Lỗi: Chỉ cán bộ thẩm định của cấp trên mới được duyệt báo cáo.\n');

    const approved = step('approve', '01906', 'tham.dinh', '--comment', 'Số liệu đầy đủ.');
    expect(approved.code, approved.stderr).toBe(0);
    expect(approved.stdout).toContain('Trạng thái mới: Đã duyệt.');
    expect(approved.stdout).toContain('người thực hiện: Người tham.dinh');

    const result = rollup('--json');
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      unit: { code: '19', name: 'Tỉnh Thái Nguyên' },
      period: '2026-Q1',
      window: { from: '2025-12-15', to: '2026-03-14' },
      basis: 'approved',
      units: [
        { code: '01906', name: 'Xã Ba Bể', status: 'approved', included: true },
        { code: '02020', name: 'Xã Chợ Đồn', status: 'draft', included: false },
      ],
    });
    const value = (rowId: string) => json.values.find((v: { rowId: string }) => v.rowId === rowId);
    expect(value('r_1_2_a')).toEqual({
      rowId: 'r_1_2_a',
      code: null,
      label: 'Số nhiệm vụ đề ra trong kế hoạch',
      method: 'sum',
      value: 1000,
      numerator: null,
      denominator: null,
      options: null,
      note: null,
      coverage: { counted: 1, expected: 2, notApplicable: 0, leftOut: [] },
      coverageText: '1/2 đơn vị',
      contributions: [{ unitCode: '01906', value: 1000, status: 'counted', leftOut: null }],
    });
    expect(value('r_1_2')).toMatchObject({ code: '1.2.', method: 'recompute', value: 99.9, numerator: 999, denominator: 1000 });

    const text = rollup();
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Tính từ báo cáo đã duyệt: 1/2 đơn vị.');
    expect(text.stdout).toMatch(/1\.2\. +99,9 +% +Tỷ lệ hoàn thành kế hoạch CCHC năm \(lũy kế đến thời điểm báo cáo\) \(999\/1\.000\) — 1\/2 đơn vị/);
    expect(text.stdout).toContain('[ ] 02020 Xã Chợ Đồn — Đang soạn');
  }, 300_000);

  it('returns with a required reason, takes the resubmission and rolls up both on the submitted basis, also as XLSX', async () => {
    expect(step('submit', '02020', 'can.bo.b').code).toBe(0);
    const noReason = step('return', '02020', 'tham.dinh');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('thiếu tùy chọn bắt buộc "--comment <lý do>"');
    const blank = step('return', '02020', 'tham.dinh', '--comment', ' ');
    expect([blank.code, blank.stderr]).toEqual([1, 'Lỗi: Trả lại báo cáo cần ghi lý do.\n']);
    const returned = step('return', '02020', 'tham.dinh', '--comment', 'Số nhiệm vụ chưa khớp kế hoạch năm.');
    expect(returned.stdout).toContain('Trạng thái mới: Bị trả lại.');
    const again = step('submit', '02020', 'can.bo.b', '--json');
    expect(JSON.parse(again.stdout)).toMatchObject({ action: 'resubmit', status: 'submitted' });
    expect(JSON.parse(again.stdout).events.map((e: { action: string; user: string }) => `${e.action} ${e.user}`)).toEqual([
      'submit Người can.bo.b',
      'return Người tham.dinh',
      'resubmit Người can.bo.b',
    ]);

    const xlsx = join(dir, 'tong-hop.xlsx');
    const both = rollup('--basis', 'submitted', '--json', '--xlsx', xlsx);
    expect(both.code, both.stderr).toBe(0);
    const values = new Map(JSON.parse(both.stdout).values.map((v: { rowId: string }) => [v.rowId, v]));
    expect(values.get('r_1_2_a')).toMatchObject({ value: 1224, contributions: [{ unitCode: '01906', value: 1000 }, { unitCode: '02020', value: 224 }] });
    expect(values.get('r_1_2')).toMatchObject({ value: 97.96, numerator: 1199, denominator: 1224, coverageText: '2/2 đơn vị' });
    expect(both.stderr).toMatch(/^Đã ghi .*tong-hop\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRows(1, 10)!.find((r) => r.values.toString().includes('Tổng hợp'))!;
    expect((header.values as unknown[]).filter(Boolean).slice(-4)).toEqual(['Tổng hợp', 'Phạm vi tổng hợp', 'Xã Ba Bể', 'Xã Chợ Đồn']);
    const numbers = sheet.getColumn(4).values.filter((v) => typeof v === 'number');
    expect(numbers).toEqual(expect.arrayContaining([1224, 97.96]));

    expect(rollup('--basis', 'submitted').stdout).toMatch(/ 1\.224 +Nhiệm vụ +Số nhiệm vụ đề ra trong kế hoạch/);
    expect(rollup('--basis', 'all').code).toBe(2);
  }, 300_000);

  it('explains a bad period id, an unknown account and a missing report in Vietnamese with exit code 2; resolves a code in the period’s era', () => {
    const badPeriod = cchc('report', 'submit', '--unit', '01906', '--period', '2026-Q5', '--template', T, '--as', 'can.bo.a');
    expect([badPeriod.code, badPeriod.stderr]).toEqual([2, 'Lỗi: --period: Kỳ báo cáo không hợp lệ: "2026-Q5" (quý phải từ 1 đến 4).\n']);
    const badRollup = cchc('rollup', '--unit', '19', '--period', 'quy-1', '--template', T);
    expect(badRollup.code).toBe(2);
    expect(badRollup.stderr).toContain('Kỳ báo cáo không hợp lệ: "quy-1"');
    const nobody = step('submit', '01906', 'khong.co');
    expect([nobody.code, nobody.stderr]).toEqual([2, 'Lỗi: --as: không có tài khoản "khong.co".\n']);
    const missing = cchc('report', 'submit', '--unit', '01906', '--period', '2026-Q2', '--template', T, '--as', 'can.bo.a');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cchc report compute --unit 01906 --template mac-dinh-xa --period 2026-Q2');
    // The unit a code names in the period, not the older one with the same code.
    const computed = cchc('report', 'compute', '--unit', '01906', '--period', '2026-Q2', '--template', T, '--json');
    expect(computed.code, computed.stderr).toBe(0);
    expect(JSON.parse(computed.stdout).unit).toEqual({ code: '01906', name: 'Xã Ba Bể' });
  }, 120_000);

  it('refuses to send an unfinished report with the whole list; loads a file into it, refuses a file for an approved report', () => {
    const refused = cchc('report', 'submit', '--unit', '01906', '--period', '2026-Q2', '--template', T, '--as', 'can.bo.a');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Lỗi: Chưa gửi được báo cáo: còn \d+ việc cần làm\.\n/);
    expect(refused.stderr).toContain('\n  - Dòng 1.3 chưa có số liệu: nhập số liệu, hoặc ghi "-" nếu không phát sinh.\n');
    expect(refused.stderr).toContain('\n  - Văn bản chưa có họ tên người ký.');

    // The documented example, for the second quarter.
    const example = JSON.parse(readFileSync(root('docs/examples/bao-cao-xa-ba-be-2026-Q1.json'), 'utf8'));
    const file = join(dir, 'quy-2.json');
    writeFileSync(file, JSON.stringify({ ...example, period: '2026-Q2', meta: { ...example.meta, date: '2026-06-18' } }));
    const imported = cchc('report', 'import', file, '--as', 'can.bo.a', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const result = JSON.parse(imported.stdout);
    expect(result).toMatchObject({ unit: { code: '01906' }, period: '2026-Q2', status: 'draft', created: false, justified: 1, documentSaved: true });
    expect(result.changed).toEqual(expect.arrayContaining(['r_1_1', 'r_4_1_5', 'r_2_4']));
    const sent = cchc('report', 'submit', '--unit', '01906', '--period', '2026-Q2', '--template', T, '--as', 'can.bo.a');
    expect(sent.code, sent.stderr).toBe(0);

    // The first quarter was approved: nothing is loaded into it.
    const approved = cchc('report', 'import', root('docs/examples/bao-cao-xa-ba-be-2026-Q1.json'), '--as', 'can.bo.a');
    expect(approved.code).toBe(1);
    expect(approved.stderr).toContain('Báo cáo đang ở trạng thái "Đã duyệt" nên không nhập số liệu từ tệp được.');
    const foreign = cchc('report', 'import', file, '--as', 'can.bo.b');
    expect([foreign.code, foreign.stderr]).toEqual([1, `Lỗi: ${file}: Bạn không có quyền truy cập dữ liệu của đơn vị này.\n`]);
  }, 120_000);

  it('sets an obligation as a reviewer only, and lists it', () => {
    const args = ['obligations', 'set', '--unit', '19', '--template', 'thai-nguyen-xa-quy', '--periods', 'quarter,year', '--deadline-days', '5'];
    const byOfficer = cchc(...args, '--as', 'can.bo.a');
    expect([byOfficer.code, byOfficer.stderr]).toEqual([1, 'Lỗi: Chỉ cán bộ thẩm định hoặc quản trị mới giao nghĩa vụ báo cáo.\n']);
    expect(cchc('obligations', 'set', '--unit', '19', '--template', T, '--periods', 'quy', '--deadline-days', '5', '--as', 'tham.dinh').code).toBe(2);
    const set = cchc(...args, '--as', 'tham.dinh');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('theo kỳ quý, năm; hạn gửi 5 ngày sau ngày chốt số liệu');
    const list = cchc('obligations', 'list', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      { id: expect.any(Number), unit: { code: '19', name: 'Tỉnh Thái Nguyên', validFrom: '2025-07-01' }, template: 'thai-nguyen-xa-quy', periodKinds: ['quarter', 'year'], deadlineDays: 5 },
    ]);
    expect(cchc('obligations', 'list', '--as', 'can.bo.b').stdout).toContain('19     Tỉnh Thái Nguyên — thai-nguyen-xa-quy: kỳ quý, năm; hạn 5 ngày');
  }, 120_000);
});
