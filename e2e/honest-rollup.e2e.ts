import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './support/server';
import { loginAs, screenshot, shows } from './support/browser';
import { reportFile } from './support/report-file';
import { useBrowserSession } from './support/session';

/*
 * The honest roll-up (#11 item 3) on the demo province. Xã Ba Bể files its 2026-Q2 report with 27
 * planned tasks, 24 done; Xã Chợ Đồn's report was approved with 21 planned tasks and "done" left
 * blank (a report approved before the submission checks existed: the test blanks the figure in
 * the store after approval). Summing each part over whoever gave it would print 24/48 = 50 %; the
 * roll-up recomputes the rate over the communes that gave both parts, 24/27 = 88,89 %, and names
 * Xã Chợ Đồn as left out of that row, on the page, in the drill-down and in the XLSX.
 */

const session = useBrowserSession();
const T = 'mac-dinh-xa';
const PERIOD = '2026-Q2';

interface ApiSession {
  cookie: string;
  csrf: string;
  unitId: number;
  unit: { code: string; name: string };
}

async function apiLogin(username: string): Promise<ApiSession> {
  const response = await fetch(`${session.server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string; user: { unit: { id: number; code: string; name: string } } };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken, unitId: body.user.unit.id, unit: body.user.unit };
}

async function call<T>(who: ApiSession, method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${session.server.baseUrl}${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/** The unit's report, complete (from its interchange file) with the two task counts, submitted and approved. */
async function approvedReport(who: ApiSession, reviewer: ApiSession, planned: number, done: number): Promise<number> {
  const report = await call<{ id: number }>(who, 'POST', '/api/reports', { unitId: who.unitId, templateId: T, periodId: PERIOD });
  const file = reportFile({ unitCode: who.unit.code, unitName: who.unit.name, periodId: PERIOD, values: { r_1_2_a: planned, r_1_2_b: done } });
  await call(who, 'POST', '/api/reports/import', file);
  await call(who, 'POST', `/api/reports/${report.id}/transitions`, { action: 'submit', earlyReason: 'Gửi sớm để thử tổng hợp.' });
  await call(reviewer, 'POST', `/api/reports/${report.id}/transitions`, { action: 'approve' });
  return report.id;
}

const rolled = (p: Page, rowId: string) => p.locator(`#rollup-row-${rowId} button.rollup-value`);
const coverage = (p: Page, rowId: string) => p.getByTestId(`coverage-${rowId}`);

describe('an honest roll-up in the browser', () => {
  it('recomputes 88,89 % over the communes that gave both parts and names the commune left out', async () => {
    const [baBe, choDon, reviewer] = await Promise.all([apiLogin('xababe'), apiLogin('xachodon'), apiLogin('sonoivu')]);
    await approvedReport(baBe, reviewer, 27, 24);
    const blankDone = await approvedReport(choDon, reviewer, 21, 15);
    await session.server.store.db.updateTable('report_values').set({ value: null }).where('report_id', '=', blankDone).where('row_id', 'in', ['r_1_2_b', 'r_1_2']).execute();

    const answer = await call<{ values: Array<{ rowId: string; value: unknown; numerator: number; denominator: number; coverageText: string; coverage: { leftOut: Array<{ unitName: string; reason: string }> } }> }>(
      reviewer,
      'GET',
      `/api/rollup?unitId=${reviewer.unitId}&templateId=${T}&periodId=${PERIOD}`,
    );
    const rate = answer.values.find((v) => v.rowId === 'r_1_2')!;
    expect([rate.value, rate.numerator, rate.denominator]).toEqual([88.89, 24, 27]);
    expect(rate.coverage.leftOut).toEqual([{ unitId: choDon.unitId, unitName: 'Xã Chợ Đồn', reason: 'thiếu Số nhiệm vụ đã hoàn thành' }]);
    expect(rate.coverageText).toMatch(/^1\/\d+ đơn vị; không tính: Xã Chợ Đồn \(thiếu Số nhiệm vụ đã hoàn thành\)$/);

    const p = await session.page();
    await loginAs(p, 'sonoivu');
    await p.goto(`${session.server.baseUrl}/tong-hop`);
    await p.getByLabel('Biểu mẫu', { exact: true }).selectOption(T);
    await p.getByLabel('Loại kỳ').selectOption({ label: 'Quý' });
    await p.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Quý II năm 2026' });
    await shows(p.getByRole('heading', { name: /^Đơn vị được tổng hợp: 2\/\d+$/ }));

    expect(await rolled(p, 'r_1_2').innerText()).toBe('88,89% (24/27)');
    expect(await coverage(p, 'r_1_2').innerText()).toMatch(/· 1\/\d+ đơn vị; không tính: Xã Chợ Đồn \(thiếu Số nhiệm vụ đã hoàn thành\)$/);
    // The sums keep every figure given, and say whose.
    expect(await rolled(p, 'r_1_2_a').innerText()).toBe('48');
    expect(await coverage(p, 'r_1_2_a').innerText()).toMatch(/· 2\/\d+ đơn vị$/);
    expect(await rolled(p, 'r_1_2_b').innerText()).toBe('24');
    expect(await coverage(p, 'r_1_2_b').innerText()).toMatch(/· 1\/\d+ đơn vị; không tính: Xã Chợ Đồn \(chưa ghi số liệu\)$/);

    await rolled(p, 'r_1_2').click();
    const drill = p.getByRole('complementary', { name: 'Số liệu từng đơn vị' });
    await shows(drill);
    const lines = () =>
      drill.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].slice(0, -1).map((c) => (c.textContent ?? '').trim()).join(' | ')));
    await expect.poll(lines).toEqual(['Xã Ba Bể | 88,89% | 24/27 | Có', 'Xã Chợ Đồn | — |  | Không tính: thiếu Số nhiệm vụ đã hoàn thành']);
    await screenshot(p, 'rollup-honest-coverage');

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Tải XLSX (mỗi đơn vị một cột)' }).click()]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1));
    const header = rows.find((r) => r.getCell(1).value === 'STT')!;
    const column = (name: string) => [...Array(header.cellCount).keys()].map((i) => i + 1).find((c) => header.getCell(c).value === name)!;
    const rateRow = rows.find((r) => r.getCell(1).value === '1.2.')!;
    expect(rateRow.getCell(column('Tổng hợp')).value).toBe(88.89);
    expect(String(rateRow.getCell(column('Phạm vi tổng hợp')).value)).toContain('không tính: Xã Chợ Đồn (thiếu Số nhiệm vụ đã hoàn thành)');
    expect(rateRow.getCell(column('Xã Chợ Đồn')).note).toBe('Không tính vào số liệu tổng hợp: thiếu Số nhiệm vụ đã hoàn thành.');
    expect(rateRow.getCell(column('Xã Ba Bể')).note).toBeUndefined();
  });
});
