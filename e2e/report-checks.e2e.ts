import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../src/domain/calendar/date-time';
import { parseCutoffRule, periodContaining, periodLabel, quarterPeriod, type Period } from '../src/domain/period';
import { requiredRows } from '../src/domain/reports/submission-checklist';
import { rowAppliesToLevel } from '../src/domain/templates/template';
import { all, childrenNamed, openDocx, textOf } from '../src/export/fixtures/ooxml';
import { demoCommuneValues } from '../src/services/demo/seed-demo-reports';
import { templateById } from '../src/services/reports/reporting-scope';
import { checkReport } from '../src/services/templates/check-report';
import { loginAs, screenshot, shows } from './support/browser';
import { DOCUMENTED_EXAMPLE } from './support/report-file';
import { DEMO_PASSWORD } from './support/server';
import { useBrowserSession } from './support/session';

/*
 * Issue #11 on the demo province: the officer of Xã Ba Bể opens the current quarter's report (the
 * demo's form, thai-nguyen-xa-2cap) and presses Gửi at once — it is refused with the list of
 * everything missing and asks why it goes before the data window ends. She writes "không phát sinh"
 * in a row, loads the rest from her interchange file, sends it with a reason, and the DOCX prints "-".
 * The reviewer sees the early submission at the top of the report, and a bulk approval asks for the
 * count and holds back what needs its own look.
 */

const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-checks-'));
const session = useBrowserSession(undefined, () => rmSync(dir, { recursive: true, force: true }));
const T = 'thai-nguyen-xa-2cap';
// The quarter whose data window holds today: sending it now is early, whatever the day the test runs.
const current = periodContaining(todayInVietnam(), 'quarter', parseCutoffRule('nd09'));
const CURRENT_LABEL = periodLabel(current);
const quarter = (current.kind === 'quarter' ? current.index : undefined) ?? 1;
const previous = quarter === 1 ? quarterPeriod(current.year - 1, 4) : quarterPeriod(current.year, quarter - 1);
const EARLY_REASON = 'Cán bộ một cửa nghỉ phép từ ngày 10; số liệu đã chốt đến ngày gửi.';
let reportPath = '';

const workflow = (p: Page) => p.getByRole('region', { name: 'Gửi và duyệt báo cáo' });
const field = (p: Page, rowId: string) => p.locator(`#row-${rowId} td.report-value`).getByRole('textbox');

/**
 * A commune's own file for a quarter: the figures it keeps, `rest` in every other required row ("-"
 * where it has nothing to report, or 0), a note for each warning, the text and the signer.
 */
function communeFile(unitCode: string, period: Period, rest: '-' | 0, without: string[] = []) {
  const template = templateById(T);
  const values: Record<string, number | string> = { ...demoCommuneValues(unitCode, period) };
  for (const row of requiredRows(template, 'commune')) if (!(row.id in values)) values[row.id] = rest;
  // Rows that are not the commune's, and rows written in the form by hand.
  for (const id of Object.keys(values)) if (!template.byId.has(id) || !rowAppliesToLevel(template, template.byId.get(id)!, 'commune') || without.includes(id)) delete values[id];
  const file = {
    template: T,
    unit: unitCode,
    period: period.id,
    values,
    notes: {} as Record<string, string>,
    meta: { signature: { name: 'Hoàng Văn Minh' } },
    narrative: DOCUMENTED_EXAMPLE.narrative,
  };
  for (const f of checkReport(file).findings.filter((f) => f.severity === 'warning')) file.notes[f.row] = 'Số liệu đã đối chiếu với sổ theo dõi của xã.';
  return file;
}

function fileOnDisk(data: unknown, name: string): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(data));
  return path;
}

/** Signs in through the API (as a script would) and returns a caller with the session's cookie and CSRF token. */
async function apiAs(username: string) {
  const login = await fetch(`${session.server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(login.status).toBe(200);
  const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { unit: { id: number } } };
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${session.server.baseUrl}${path}`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    expect(response.status, text).toBe(200);
    return JSON.parse(text) as T;
  };
  return { unitId: user.unit.id, call };
}

describe('submission checks and review in the browser', () => {
  it('refuses the empty early report with its checklist; takes "-" in the form and the rest from a file; sends it with a reason; prints "-"', async () => {
    const p = await session.page();
    await loginAs(p, 'xababe');
    await p.goto('/bao-cao');
    const form = p.getByRole('form', { name: 'Lập báo cáo mới cho Xã Ba Bể' });
    await form.getByLabel('Biểu mẫu').selectOption(T);
    await form.getByLabel('Năm').selectOption(String(current.year));
    await form.getByLabel('Kỳ báo cáo').selectOption({ label: CURRENT_LABEL.replace(/ năm \d+$/, '') });
    await form.getByRole('button', { name: 'Lập báo cáo' }).click();
    await p.waitForURL(/\/bao-cao\/\d+$/);
    reportPath = new URL(p.url()).pathname;
    await shows(p.getByRole('heading', { name: `Báo cáo ${CURRENT_LABEL}` }));
    // Notes written for the template's authors (how the printed form was transcribed) are not the officer's.
    expect(await p.getByText(/Mẫu in không có đơn vị tính ở dòng này/).count()).toBe(0);

    // Gửi at once: the checklist, before anything is sent.
    await workflow(p).getByRole('button', { name: 'Gửi báo cáo', exact: true }).click();
    const checklist = workflow(p).getByRole('region', { name: 'Những việc còn thiếu trước khi gửi' });
    await shows(checklist.getByText(/^Chưa gửi được: còn \d+ việc cần làm\.$/));
    const rows = checklist.getByRole('list', { name: 'Dòng chưa có số liệu (nhập số, hoặc ghi "-" nếu không phát sinh)' });
    expect(await rows.getByRole('listitem').count()).toBeGreaterThan(40);
    await shows(rows.getByRole('link', { name: '1.3.1. Tổng số nhiệm vụ được giao' }));
    // A district's row is not the commune's to fill.
    expect(await rows.getByRole('link', { name: /^2\.1\. Số VBQPPL do HĐND, UBND cấp huyện/ }).count()).toBe(0);
    expect(await checklist.getByRole('list', { name: 'Thông tin văn bản còn thiếu' }).innerText()).toContain('Người ký');
    await shows(workflow(p).getByLabel('Lý do gửi trước khi hết kỳ lấy số liệu (bắt buộc)'));
    expect(await workflow(p).getByRole('button', { name: 'Xác nhận: Gửi báo cáo' }).isDisabled()).toBe(true);
    await workflow(p).scrollIntoViewIfNeeded();
    await screenshot(p, 'checks-refused-checklist');
    // The server refuses it as well, with the same list.
    const refused = await p.evaluate(async (path) => {
      const csrf = (await (await fetch('/api/auth/session')).json()).csrfToken;
      const response = await fetch(`/api/reports/${path.split('/').pop()}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
        body: JSON.stringify({ action: 'submit', earlyReason: 'Thử gửi ngay.' }),
      });
      return { status: response.status, body: await response.json() };
    }, reportPath);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^Chưa gửi được báo cáo: còn \d+ việc cần làm\. Dòng chưa có số liệu/);
    await workflow(p).getByRole('button', { name: 'Hủy' }).click();

    // "Không phát sinh" typed in the form is "-".
    await field(p, 'r_6_2_1').fill('Không phát sinh');
    await field(p, 'r_6_2_1').press('Tab');
    expect(await field(p, 'r_6_2_1').inputValue()).toBe('-');
    await p.getByRole('button', { name: 'Lưu nháp' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã lưu bản nháp' }));

    // The rest from the commune's file.
    await p.getByText('Nhập số liệu từ tệp JSON').click();
    await p.getByLabel('Chọn tệp .json').setInputFiles(fileOnDisk(communeFile('01906', current, '-', ['r_6_2_1']), `so-lieu-${current.id}.json`));
    await shows(p.getByRole('status').filter({ hasText: /^Đã nhập "so-lieu-.*\.json": \d+ dòng thay đổi/ }));

    await workflow(p).getByRole('button', { name: 'Gửi báo cáo', exact: true }).click();
    await shows(workflow(p).getByText(/^Báo cáo đã đủ điều kiện gửi/));
    await workflow(p).getByLabel('Lý do gửi trước khi hết kỳ lấy số liệu (bắt buộc)').fill(EARLY_REASON);
    await workflow(p).getByRole('button', { name: 'Xác nhận: Gửi báo cáo' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã gửi báo cáo lên cấp trên.' }));
    const timeline = p.getByRole('list', { name: 'Quá trình gửi và duyệt' });
    await shows(timeline.getByText(`Gửi trước khi hết kỳ lấy số liệu. Lý do: ${EARLY_REASON}`));

    const [download] = await Promise.all([p.waitForEvent('download'), p.getByRole('link', { name: 'Tải DOCX' }).click()]);
    const docx = await openDocx(readFileSync((await download.path())!));
    const cells = all(docx.document, 'w:tr').map((tr) => childrenNamed(tr, 'w:tc').map((tc) => textOf(tc).trim()));
    expect(cells.find((c) => c[0] === '6.2.1')?.at(-1)).toBe('-');
    expect(docx.documentXml).toContain('Hoàng Văn Minh');
  });

  it('shows the reviewer the early submission at the top; a bulk approval confirms the count and holds back reports needing their own look', async () => {
    // Xã Chợ Đồn sends the previous quarter, complete, through the API.
    const choDon = await apiAs('xachodon');
    const report = await choDon.call<{ id: number }>('/api/reports', { unitId: choDon.unitId, templateId: T, periodId: previous.id });
    await choDon.call('/api/reports/import', communeFile('02020', previous, 0));
    expect((await choDon.call<{ status: string }>(`/api/reports/${report.id}/transitions`, { action: 'submit' })).status).toBe('submitted');

    const p = await session.page();
    await loginAs(p, 'sonoivu');
    await p.goto(reportPath);
    const attention = p.getByRole('region', { name: 'Điểm cần xem khi duyệt' });
    await shows(attention.getByText(`Lý do: ${EARLY_REASON}`, { exact: false }));
    await shows(attention.getByRole('list', { name: 'Dòng bắt buộc ghi "không phát sinh"' }).getByRole('link', { name: /^6\.2\.1 Tổng số ĐVSN công lập/ }));
    await attention.scrollIntoViewIfNeeded();
    await screenshot(p, 'checks-review-attention');

    await p.goto('/tinh-hinh-nop');
    await p.getByLabel('Biểu mẫu', { exact: true }).selectOption(T);
    await p.getByLabel('Loại kỳ').selectOption({ label: 'Quý' });
    await p.getByLabel('Từ kỳ').selectOption({ label: periodLabel(previous) });
    await p.getByLabel('Đến kỳ').selectOption({ label: CURRENT_LABEL });
    await p.getByRole('button', { name: 'Chọn tất cả báo cáo chờ duyệt' }).click();
    await shows(p.getByText('Đã chọn 2/2 báo cáo chờ duyệt.'));
    await p.getByRole('button', { name: 'Duyệt các báo cáo đã chọn' }).click();
    // Nothing is approved before the reviewer confirms the count; Ba Bể's report went early and marks required rows "-".
    const confirm = p.getByRole('group', { name: 'Xác nhận duyệt nhiều báo cáo' });
    await shows(confirm.getByText('Duyệt 2 báo cáo đã chọn?'));
    const flagged = confirm.getByRole('list', { name: 'Báo cáo cần xem riêng' }).getByRole('listitem');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.innerText()).toMatch(/^Xã Ba Bể, .*: gửi trước khi hết kỳ lấy số liệu \(lý do: .*\); \d+ dòng bắt buộc ghi "không phát sinh"/);
    await confirm.scrollIntoViewIfNeeded();
    await screenshot(p, 'checks-bulk-confirm');
    await confirm.getByRole('button', { name: 'Xác nhận duyệt 1 báo cáo' }).click();
    await shows(p.getByText('Kết quả duyệt: 1/2 báo cáo đã duyệt.'));
    const outcomes = p.getByRole('list', { name: 'Kết quả duyệt từng báo cáo' }).getByRole('listitem');
    expect(await outcomes.filter({ hasText: /^Đã duyệt — Xã Chợ Đồn/ }).count()).toBe(1);
    expect(await outcomes.filter({ hasText: /^Chờ xem riêng — Xã Ba Bể.*cần xem riêng — gửi trước khi hết kỳ lấy số liệu/ }).count()).toBe(1);
    expect((await session.server.store.reports.findById(Number(reportPath.split('/').pop())))!.status).toBe('submitted');
  });
});
