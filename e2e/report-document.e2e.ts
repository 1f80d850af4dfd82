import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../src/services/reports/compute-report';
import { loginAs, screenshot, shows } from './support/browser';
import { useBrowserSession } from './support/session';

let reportPath: string;
const browserSession = useBrowserSession(async (server) => {
  const officer = (await server.store.users.findByUsername('xababe'))!;
  const view = await computeReport(server.store, null, { unitId: officer.unitId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
  reportPath = `/bao-cao/${view.report.id}`;
});
const page = (viewport?: { width: number; height: number }) => browserSession.page(viewport);

describe('the report document in the browser', () => {
  it('an officer saves the document number, and it stays after a reload', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await p.goto(reportPath);
    const panel = p.getByRole('region', { name: 'Văn bản báo cáo' });
    await shows(panel.getByText('Chưa lưu: đây là nội dung mặc định'));
    expect(await panel.getByLabel('Nơi ban hành').inputValue()).toBe('Ba Bể');
    expect(await panel.getByLabel('Trích yếu').inputValue()).toBe('Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    await shows(panel.locator('.generated-text').first());
    await panel.getByLabel('Số', { exact: true }).fill('165');
    await panel.getByRole('button', { name: 'Lưu văn bản' }).click();
    await shows(panel.getByText('Đã lưu văn bản báo cáo.'));
    await panel.scrollIntoViewIfNeeded();
    await screenshot(p, 'report-document');
    await p.reload();
    await shows(p.getByRole('region', { name: 'Văn bản báo cáo' }).getByLabel('Người ký'));
    expect(await p.getByRole('region', { name: 'Văn bản báo cáo' }).getByLabel('Số', { exact: true }).inputValue()).toBe('165');
  });

  it('downloads the DOCX', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await p.goto(reportPath);
    const panel = p.getByRole('region', { name: 'Văn bản báo cáo' });
    const [download] = await Promise.all([p.waitForEvent('download'), panel.getByRole('link', { name: 'Tải DOCX' }).click()]);
    expect(download.suggestedFilename()).toBe('bao-cao-cchc-01906-2026-Q1.docx');
    const path = await download.path();
    expect(statSync(path).size).toBeGreaterThan(0);
  });
});
