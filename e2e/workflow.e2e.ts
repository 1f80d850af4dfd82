import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fetchInPage, loginAs, screenshot, shows } from './support/browser';
import { completeInBrowser } from './support/fill-report';
import { useBrowserSession } from './support/session';

/*
 * The whole loop of issue #7 on the demo data, in one server: the officers of Xã Ba Bể and Xã Chợ Đồn
 * fill and submit their 2026-Q3 reports (Chợ Đồn justifies a warning), the provincial reviewer
 * returns Ba Bể's with a reason, Ba Bể fixes and resubmits, the reviewer approves both, and the
 * province's roll-up shows the summed counts and the rate recomputed from them.
 */

const session = useBrowserSession();
const T = 'mac-dinh-xa';
const PERIOD_LABEL = 'Quý III';
const reportPaths: Record<string, string> = {};

const row = (p: Page, id: string) => p.locator(`#row-${id}`);
const field = (p: Page, id: string): Locator => row(p, id).locator('td.report-value').getByRole('textbox');
const findings = (p: Page, id: string) => p.locator(`#findings-${id}`);
const status = (p: Page) => p.locator('dl[aria-label="Thông tin báo cáo"] .report-status');
const workflow = (p: Page) => p.getByRole('region', { name: 'Gửi và duyệt báo cáo' });

async function createReport(p: Page, officer: string, unitName: string): Promise<void> {
  await loginAs(p, officer);
  await p.goto('/bao-cao');
  const form = p.getByRole('form', { name: `Lập báo cáo mới cho ${unitName}` });
  await form.getByLabel('Biểu mẫu').selectOption(T);
  await form.getByLabel('Năm').selectOption('2026');
  await form.getByLabel('Kỳ báo cáo').selectOption({ label: PERIOD_LABEL });
  await form.getByRole('button', { name: 'Lập báo cáo' }).click();
  await p.waitForURL(/\/bao-cao\/\d+$/);
  reportPaths[officer] = new URL(p.url()).pathname;
  await shows(p.getByRole('heading', { name: 'Báo cáo Quý III năm 2026' }));
}

async function save(p: Page): Promise<void> {
  await p.getByRole('button', { name: 'Lưu nháp' }).click();
  await shows(p.getByRole('status').filter({ hasText: 'Đã lưu bản nháp' }));
}

async function act(p: Page, button: string, comment?: string): Promise<void> {
  await workflow(p).getByRole('button', { name: button, exact: true }).click();
  if (comment !== undefined) await workflow(p).getByRole('textbox').fill(comment);
  await workflow(p).getByRole('button', { name: `Xác nhận: ${button}` }).click();
}

describe('submission, review and roll-up in the browser', () => {
  it('two officers fill and submit; a warning needs its justification first', async () => {
    const a = await session.page();
    await createReport(a, 'xababe', 'Xã Ba Bể');
    await field(a, 'r_1_2_a').fill('10');
    await field(a, 'r_1_2_b').fill('9');
    await save(a);
    // Every other required row, the narrative and the signer: a report is sent complete.
    expect(await completeInBrowser(a)).toBeGreaterThan(0);
    await act(a, 'Gửi báo cáo');
    await shows(a.getByRole('status').filter({ hasText: 'Đã gửi báo cáo lên cấp trên.' }));
    expect(await status(a).innerText()).toBe('Đã gửi, chờ duyệt');
    await shows(a.getByText('Báo cáo đã gửi, đang chờ cấp trên duyệt', { exact: false }));
    expect(await a.getByRole('button', { name: 'Lưu nháp' }).count()).toBe(0);

    const b = await session.page();
    await createReport(b, 'xachodon', 'Xã Chợ Đồn');
    await field(b, 'r_1_2_a').fill('200');
    await field(b, 'r_1_2_b').fill('100');
    await field(b, 'r_3_1_3').fill('100');
    await field(b, 'r_3_2_1').fill('120');
    await save(b);
    await completeInBrowser(b, 'Nông Thị Hoa');
    // A warning without a justification stops the submission: the checklist says so before anything is sent.
    await workflow(b).getByRole('button', { name: 'Gửi báo cáo', exact: true }).click();
    const unjustified = workflow(b).getByRole('list', { name: 'Cảnh báo chưa có lời giải trình' });
    await shows(unjustified.getByRole('listitem').filter({ hasText: /^Cảnh báo ở dòng 3\.2\.1\. .* chưa có lời giải trình/ }));
    expect(await workflow(b).getByRole('button', { name: 'Xác nhận: Gửi báo cáo' }).isDisabled()).toBe(true);
    await workflow(b).getByRole('button', { name: 'Hủy' }).click();
    await findings(b, 'r_3_2_1').getByLabel('Lời giải trình').fill('Có 20 TTHC liên thông từ cấp tỉnh thực hiện tại xã.');
    await save(b);
    await act(b, 'Gửi báo cáo');
    await shows(b.getByRole('status').filter({ hasText: 'Đã gửi báo cáo lên cấp trên.' }));

    // An officer cannot approve (no button; the API refuses) and cannot see the other commune's report.
    expect(await workflow(b).getByRole('button', { name: 'Duyệt' }).count()).toBe(0);
    const approveAttempt = await b.evaluate(async (path) => {
      const id = path.split('/').pop();
      const csrf = await (await fetch('/api/auth/session')).json();
      const response = await fetch(`/api/reports/${id}/transitions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrf.csrfToken },
        body: JSON.stringify({ action: 'approve' }),
      });
      return response.status;
    }, reportPaths.xachodon!);
    expect(approveAttempt).toBe(403);
    const other = await fetchInPage(b, `/api/reports/${reportPaths.xababe!.split('/').pop()}`);
    expect(other.status).toBe(403);
    await b.goto(reportPaths.xababe!);
    await shows(b.getByText('không có quyền', { exact: false }));
  });

  it('the reviewer returns one with a reason; the officer fixes and resubmits; the reviewer approves both', async () => {
    const r = await session.page();
    await loginAs(r, 'sonoivu');
    await r.goto(reportPaths.xababe!);
    await shows(workflow(r).getByRole('button', { name: 'Trả lại', exact: true }));
    // A return without a reason cannot be confirmed.
    await workflow(r).getByRole('button', { name: 'Trả lại', exact: true }).click();
    expect(await workflow(r).getByRole('button', { name: 'Xác nhận: Trả lại' }).isDisabled()).toBe(true);
    await workflow(r).getByRole('textbox').fill('Số nhiệm vụ đề ra chưa khớp kế hoạch năm (12 nhiệm vụ).');
    await workflow(r).getByRole('button', { name: 'Xác nhận: Trả lại' }).click();
    await shows(r.getByRole('status').filter({ hasText: 'Đã trả lại báo cáo' }));
    expect(await status(r).innerText()).toBe('Bị trả lại');

    const a = await session.page();
    await loginAs(a, 'xababe');
    await a.goto(reportPaths.xababe!);
    await shows(a.getByText('Lý do: Số nhiệm vụ đề ra chưa khớp kế hoạch năm (12 nhiệm vụ).', { exact: false }));
    await field(a, 'r_1_2_a').fill('12');
    await save(a);
    await act(a, 'Gửi lại', 'Đã sửa số nhiệm vụ theo kế hoạch.');
    await shows(a.getByRole('status').filter({ hasText: 'Đã gửi lại báo cáo.' }));

    await r.goto(reportPaths.xababe!);
    // The reviewer sees first what changed since the returned version.
    const changed = r.getByRole('table', { name: 'Số liệu thay đổi so với bản bị trả lại' });
    await shows(changed);
    expect((await changed.locator('tbody tr').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([expect.stringMatching(/^1\.2\. .* 90 75$/), 'Số nhiệm vụ đề ra trong kế hoạch 10 12']);
    await act(r, 'Duyệt');
    await shows(r.getByRole('status').filter({ hasText: 'Đã duyệt báo cáo.' }));
    const timeline = r.getByRole('list', { name: 'Quá trình gửi và duyệt' });
    expect((await timeline.locator('li > strong').allInnerTexts()).map((t) => t.trim())).toEqual(['Gửi báo cáo', 'Trả lại', 'Gửi lại', 'Duyệt']);
    await screenshot(r, 'workflow-approved', true);
    await r.goto(reportPaths.xachodon!);
    await act(r, 'Duyệt');
    await shows(r.getByRole('status').filter({ hasText: 'Đã duyệt báo cáo.' }));

    // The reviewer reads who changed what.
    await r.goto(reportPaths.xababe!);
    await r.getByText('Nhật ký thay đổi số liệu').click();
    await shows(r.locator('.report-history').getByText('→ 12', { exact: false }));
  });

  it("the province's roll-up shows the summed counts and the rate recomputed from them, not averaged", async () => {
    const r = await session.page();
    await loginAs(r, 'sonoivu');
    await r.goto('/tong-hop');
    await r.getByLabel('Biểu mẫu', { exact: true }).selectOption(T);
    await r.getByLabel('Loại kỳ').selectOption({ label: 'Quý' });
    await r.getByLabel('Kỳ báo cáo', { exact: true }).selectOption({ label: 'Quý III năm 2026' });
    await shows(r.getByRole('heading', { name: /^Đơn vị được tổng hợp: 2\/\d+$/ }));
    const rolled = (id: string) => r.locator(`#rollup-row-${id} button.rollup-value`);
    // Ba Bể 9 of 12 (75 %), Chợ Đồn 100 of 200 (50 %): the province has 109 of 212 = 51,42 %, not 62,5 %.
    expect(await rolled('r_1_2_a').innerText()).toBe('212');
    expect(await rolled('r_1_2_b').innerText()).toBe('109');
    expect(await rolled('r_1_2').innerText()).toBe('51,42% (109/212)');
    await screenshot(r, 'workflow-rollup', true);
  });
});
