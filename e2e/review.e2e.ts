import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from './support/server';
import { loginAs, screenshot, shows } from './support/browser';
import { reportFile } from './support/report-file';
import { useBrowserSession } from './support/session';

/*
 * The reviewer's pages on the demo province, one server for the file; the tests build on each
 * other. Xã Ba Bể and Xã Chợ Đồn file their 2026-Q2 reports through the API (tasks planned 3 and 4,
 * done 2 and 3); the provincial reviewer sees them waiting in "Tình hình nộp báo cáo", approves both
 * at once and sets the obligation; "Tổng hợp" sums the tasks (7 and 5), recomputes the rate
 * 5/7 = 71,43 % rather than averaging 66,67 % and 75 %, and shows both communes behind a figure;
 * the officer finds the reports still owed and one returned with its reason in "Việc cần làm".
 */

const session = useBrowserSession();
const T = 'mac-dinh-xa';
const PERIOD = '2026-Q2';
const PERIOD_LABEL = 'Quý II năm 2026';

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

async function call<T>(who: ApiSession, method: 'POST' | 'PATCH', path: string, body: unknown): Promise<T> {
  const response = await fetch(`${session.server.baseUrl}${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  return JSON.parse(text) as T;
}

/**
 * An officer creates the unit's report for the period, types the two task counts, loads the rest of
 * the report (every other required row, the narrative, the signer) from the unit's interchange file
 * and submits it.
 */
async function fileReport(who: ApiSession, periodId: string, planned: number, done: number): Promise<number> {
  const report = await call<{ id: number; revision: number }>(who, 'POST', '/api/reports', { unitId: who.unitId, templateId: T, periodId });
  await call(who, 'PATCH', `/api/reports/${report.id}/values`, {
    changes: [
      { rowId: 'r_1_2_a', value: planned },
      { rowId: 'r_1_2_b', value: done },
    ],
    expectedRevision: report.revision,
  });
  const file = reportFile({ unitCode: who.unit.code, unitName: who.unit.name, periodId });
  const { r_1_2_a: _planned, r_1_2_b: _done, ...rest } = file.values;
  await call(who, 'POST', '/api/reports/import', { ...file, values: rest });
  const submitted = await call<{ status: string }>(who, 'POST', `/api/reports/${report.id}/transitions`, { action: 'submit' });
  expect(submitted.status).toBe('submitted');
  return report.id;
}

async function downloaded(p: Page, link: Locator): Promise<{ download: Download; bytes: Buffer }> {
  const [download] = await Promise.all([p.waitForEvent('download'), link.click()]);
  const path = await download.path();
  return { download, bytes: await readFile(path) };
}

const mainNav = (p: Page) => p.getByRole('navigation', { name: 'Điều hướng chính' });
const matrix = (p: Page) => p.getByRole('table', { name: 'Tình hình nộp báo cáo theo đơn vị và kỳ' });
const matrixRow = (p: Page, unit: string) => matrix(p).getByRole('row').filter({ has: p.getByRole('rowheader', { name: unit }) });
const rolled = (p: Page, rowId: string) => p.locator(`#rollup-row-${rowId} button.rollup-value`);
const reportIds: Record<string, number> = {};

describe('submission tracking, bulk approval and roll-up in the browser', () => {
  it('the reviewer sees both reports waiting, approves them at once, downloads the reminders and sets the obligation', async () => {
    const [baBe, choDon] = await Promise.all([apiLogin('xababe'), apiLogin('xachodon')]);
    reportIds.baBe = await fileReport(baBe, PERIOD, 3, 2);
    reportIds.choDon = await fileReport(choDon, PERIOD, 4, 3);

    const p = await session.page();
    await loginAs(p, 'sonoivu');
    await shows(p.getByRole('status').filter({ hasText: 'Bạn có 2 việc cần làm: 2 báo cáo chờ duyệt.' }));
    await mainNav(p).getByRole('link', { name: 'Việc cần làm' }).click();
    const waiting = p.getByRole('table', { name: /Báo cáo chờ duyệt/ });
    await shows(waiting);
    expect(await waiting.getByRole('link', { name: /^Xem và duyệt/ }).count()).toBe(2);
    expect(await waiting.getByRole('link', { name: /^Xem và duyệt của Xã Ba Bể, Quý II năm 2026/ }).getAttribute('href')).toBe(`/bao-cao/${reportIds.baBe}`);

    await mainNav(p).getByRole('link', { name: 'Tình hình nộp báo cáo' }).click();
    await p.waitForURL('**/tinh-hinh-nop');
    await p.getByLabel('Biểu mẫu', { exact: true }).selectOption(T);
    await p.getByLabel('Loại kỳ').selectOption({ label: 'Quý' });
    await p.getByLabel('Từ kỳ').selectOption({ label: PERIOD_LABEL });
    await p.getByLabel('Đến kỳ').selectOption({ label: PERIOD_LABEL });
    await p.waitForURL(/den=2026-Q2/);
    await shows(matrix(p).getByRole('columnheader', { name: /^Quý II năm 2026/ }));
    await expect.poll(() => matrix(p).getByRole('columnheader').count()).toBe(2);
    for (const unit of ['Xã Ba Bể', 'Xã Chợ Đồn']) {
      const cell = matrixRow(p, unit).getByRole('cell');
      await shows(cell.getByRole('link', { name: 'Chờ duyệt' }));
      // Submitted today, long after 19/06/2026.
      expect(await cell.innerText()).toContain('Trễ hạn');
      expect(await cell.evaluate((el) => el.className)).toContain('tone-late');
    }
    expect(await matrixRow(p, 'Xã Ba Bể').getByRole('link', { name: 'Chờ duyệt' }).getAttribute('href')).toBe(`/bao-cao/${reportIds.baBe}`);
    // A commune that sent nothing is overdue.
    expect(await matrix(p).locator('td.tone-overdue').count()).toBeGreaterThan(0);
    const totals = p.getByRole('table', { name: 'Tổng hợp tình hình nộp báo cáo' });
    const totalCells = async () => (await totals.getByRole('row', { name: /Quý II năm 2026/ }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect((await totalCells()).slice(1, 4)).toEqual([expect.stringMatching(/^\d+$/), '2', '0']); // expected, received, on time

    await p.getByRole('checkbox', { name: `Chọn báo cáo của Xã Ba Bể, ${PERIOD_LABEL}` }).check();
    await p.getByRole('checkbox', { name: `Chọn báo cáo của Xã Chợ Đồn, ${PERIOD_LABEL}` }).check();
    await shows(p.getByText('Đã chọn 2/2 báo cáo chờ duyệt.'));
    await screenshot(p, 'completeness-before-approval', true);
    await p.getByRole('button', { name: 'Duyệt các báo cáo đã chọn' }).click();
    // Nothing is approved before the reviewer confirms the count.
    const confirm = p.getByRole('group', { name: 'Xác nhận duyệt nhiều báo cáo' });
    await shows(confirm.getByText('Duyệt 2 báo cáo đã chọn?'));
    expect(await confirm.getByRole('list', { name: 'Báo cáo cần xem riêng' }).count()).toBe(0);
    await confirm.getByRole('button', { name: 'Xác nhận duyệt 2 báo cáo' }).click();
    await shows(p.getByText('Kết quả duyệt: 2/2 báo cáo đã duyệt.'));
    const outcomes = await p.getByRole('list', { name: 'Kết quả duyệt từng báo cáo' }).getByRole('listitem').allInnerTexts();
    expect(outcomes.sort()).toEqual([
      `Đã duyệt — Xã Ba Bể, ${PERIOD_LABEL}: Đã duyệt báo cáo của Xã Ba Bể.`,
      `Đã duyệt — Xã Chợ Đồn, ${PERIOD_LABEL}: Đã duyệt báo cáo của Xã Chợ Đồn.`,
    ]);
    for (const unit of ['Xã Ba Bể', 'Xã Chợ Đồn']) await shows(matrixRow(p, unit).getByRole('link', { name: 'Đã duyệt' }));
    expect((await totalCells())[7]).toBe('2'); // approved
    await shows(p.getByText('Không có báo cáo nào chờ duyệt.'));

    const reminders = await downloaded(p, p.getByRole('link', { name: 'Tải danh sách đôn đốc (XLSX)' }));
    expect(reminders.download.suggestedFilename()).toBe(`don-doc-bao-cao-${T}.xlsx`);
    expect(reminders.bytes.subarray(0, 2).toString()).toBe('PK');

    // The province asks its communes for quarterly reports, due 10 days after the cut-off.
    const form = p.getByRole('form', { name: 'Nghĩa vụ báo cáo' });
    for (const kind of ['6 tháng', '9 tháng', 'Năm']) await form.getByRole('checkbox', { name: kind, exact: true }).uncheck();
    await form.getByRole('checkbox', { name: 'Quý', exact: true }).check();
    await form.getByLabel('Hạn gửi (số ngày sau ngày chốt số liệu)').fill('10');
    await form.getByRole('button', { name: 'Lưu nghĩa vụ báo cáo' }).click();
    await shows(form.getByRole('status').filter({ hasText: 'Đã lưu: Tỉnh Thái Nguyên giao báo cáo quý, hạn gửi 10 ngày sau ngày chốt số liệu.' }));
    await shows(p.getByText('Hạn gửi: 10 ngày sau ngày chốt số liệu (do Tỉnh Thái Nguyên giao)', { exact: false }));
    await shows(matrix(p).getByRole('columnheader', { name: /^Quý II năm 2026\s*Hạn gửi 24\/06\/2026$/ }));
    await screenshot(p, 'completeness-approved', true);
  });

  it('the roll-up sums the counts, recomputes the rate, opens both communes behind a figure and downloads the XLSX', async () => {
    const p = await session.page();
    await loginAs(p, 'sonoivu');
    await mainNav(p).getByRole('link', { name: 'Tổng hợp' }).click();
    await p.waitForURL('**/tong-hop');
    await p.getByLabel('Biểu mẫu', { exact: true }).selectOption(T);
    await p.getByLabel('Loại kỳ').selectOption({ label: 'Quý' });
    await p.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: PERIOD_LABEL });
    await shows(p.getByRole('heading', { name: `Tỉnh Thái Nguyên — ${PERIOD_LABEL}` }));
    await shows(p.getByRole('heading', { name: /^Đơn vị được tổng hợp: 2\/\d+$/ }));
    expect(await p.getByRole('radio', { name: 'Chỉ báo cáo đã duyệt' }).isChecked()).toBe(true);
    const inside = p.getByRole('table', { name: 'Các đơn vị có trong số liệu tổng hợp' });
    expect((await inside.locator('tbody tr td:first-child').allInnerTexts()).sort()).toEqual(['Xã Ba Bể', 'Xã Chợ Đồn']);

    expect(await rolled(p, 'r_1_2_a').innerText()).toBe('7');
    expect(await rolled(p, 'r_1_2_b').innerText()).toBe('5');
    expect(await rolled(p, 'r_1_2').innerText()).toBe('71,43% (5/7)');

    await rolled(p, 'r_1_2').click();
    const drill = p.getByRole('complementary', { name: 'Số liệu từng đơn vị' });
    await shows(drill);
    // Unit, figure and parts of each line (the last cell is the link to the report).
    const lines = () =>
      drill.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.children].slice(0, -1).map((c) => (c.textContent ?? '').trim()).join(' ')));
    expect(await lines()).toEqual(['Xã Ba Bể 66,67% 2/3', 'Xã Chợ Đồn 75% 3/4']);
    expect(await drill.getByRole('link', { name: 'Xem báo cáo của Xã Chợ Đồn' }).getAttribute('href')).toBe(`/bao-cao/${reportIds.choDon}#row-r_1_2`);
    await screenshot(p, 'rollup-drilldown');
    await rolled(p, 'r_1_2_a').click();
    await expect.poll(lines).toEqual(['Xã Ba Bể 3', 'Xã Chợ Đồn 4']);
    await drill.getByRole('button', { name: 'Đóng' }).click();
    expect(await drill.count()).toBe(0);

    const xlsx = await downloaded(p, p.getByRole('link', { name: 'Tải XLSX (mỗi đơn vị một cột)' }));
    expect(xlsx.download.suggestedFilename()).toBe('tong-hop-19-2026-Q2.xlsx');
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');

    await p.getByRole('tab', { name: 'Đối chiếu với hồ sơ' }).click();
    await shows(p.getByRole('heading', { name: 'Số tổng hợp so với số tính từ hồ sơ của các đơn vị đã tổng hợp' }));
    // The reports were computed from the dossiers and nothing was changed since.
    await shows(p.getByText('Số liệu các đơn vị báo cáo khớp với số tính trực tiếp từ hồ sơ của đơn vị.'));
    await shows(p.getByRole('table', { name: 'Số tổng hợp so với số tính từ hồ sơ' }).getByRole('row', { name: /3\.4\.2\. Số hồ sơ tiếp nhận trong kỳ/ }));
    await screenshot(p, 'rollup-discrepancies');
  });

  it('the officer finds the reports owed and a returned one with its reason in "Việc cần làm", and creates one from there', async () => {
    const [baBe, reviewer] = await Promise.all([apiLogin('xababe'), apiLogin('sonoivu')]);
    const q1 = await fileReport(baBe, '2026-Q1', 10, 9);
    await call(reviewer, 'POST', `/api/reports/${q1}/transitions`, { action: 'return', comment: 'Số nhiệm vụ đề ra chưa khớp kế hoạch năm.' });

    const p = await session.page();
    await loginAs(p, 'xababe');
    await shows(p.getByRole('status').filter({ hasText: /^Bạn có \d+ việc cần làm: .*1 báo cáo bị trả lại/ }));
    expect(await mainNav(p).getByRole('link', { name: 'Tình hình nộp báo cáo' }).count()).toBe(0);
    await mainNav(p).getByRole('link', { name: 'Việc cần làm' }).click();
    await p.waitForURL('**/viec-can-lam');
    await shows(p.getByRole('heading', { name: 'Việc cần làm', level: 1 }));

    const returned = p.getByRole('table', { name: /Báo cáo bị trả lại/ });
    const returnedRow = returned.getByRole('row').filter({ hasText: 'Quý I năm 2026' });
    expect(await returnedRow.innerText()).toContain('Số nhiệm vụ đề ra chưa khớp kế hoạch năm.');
    expect(await returnedRow.getByRole('link', { name: /^Sửa và gửi lại/ }).getAttribute('href')).toBe(`/bao-cao/${q1}`);

    // The quarters due under the new obligation: none of them is Q2 (approved) and each past deadline is flagged.
    const due = p.getByRole('table', { name: /Báo cáo đến hạn/ });
    const rows = due.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    for (const text of await rows.allInnerTexts()) {
      expect(text).not.toContain(PERIOD_LABEL);
      expect(text.includes('Quá hạn')).toBe(/\(quá \d+ ngày\)/.test(text));
    }
    await screenshot(p, 'inbox-officer', true);
    await due.getByRole('button', { name: /^Lập báo cáo/ }).first().click();
    await p.waitForURL(/\/bao-cao\/\d+$/);
    await shows(p.getByRole('heading', { name: /^Báo cáo Quý/ }));
  });
});
