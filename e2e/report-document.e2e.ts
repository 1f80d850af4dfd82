import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../src/services/reports/compute-report';
import { loginAs, screenshot, shows } from './support/browser';
import { useBrowserSession } from './support/session';

let reportPath: string;
let haiDuongPath: string;
const browserSession = useBrowserSession(async (server) => {
  const officer = (await server.store.users.findByUsername('xababe'))!;
  const view = await computeReport(server.store, null, { unitId: officer.unitId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
  reportPath = `/bao-cao/${view.report.id}`;
  // A template with its own outline (templates/hai-duong-xa-6thang.yaml: renamed and added sections).
  const haiDuong = await computeReport(server.store, null, { unitId: officer.unitId, templateId: 'hai-duong-xa-6thang', periodId: '2026-H1' });
  haiDuongPath = `/bao-cao/${haiDuong.report.id}`;
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

  it('the preview shows the whole document and follows what is typed, before saving', async () => {
    const p = await page({ width: 1400, height: 900 });
    await loginAs(p, 'xababe');
    await p.goto(reportPath);
    const panel = p.getByRole('region', { name: 'Văn bản báo cáo' });
    const open = await shows(panel.getByRole('button', { name: 'Xem trước' }));
    await open.click();
    expect(await panel.getByRole('button', { name: 'Ẩn xem trước' }).getAttribute('aria-expanded')).toBe('true');
    const preview = panel.getByRole('region', { name: 'Xem trước văn bản' });
    // Header, motto, document type, sections, signature, "Nơi nhận" and the appendix table.
    await shows(preview.getByText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    for (const text of ['XÃ BA BỂ', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO', 'Kết quả thực hiện công tác cải cách hành chính quý I năm 2026', 'TM. ỦY BAN NHÂN DÂN', 'Nơi nhận:']) {
      expect(await preview.getByText(text, { exact: true }).count(), text).toBeGreaterThan(0);
    }
    await shows(preview.getByRole('heading', { name: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH' }));
    await shows(preview.getByRole('heading', { name: 'V. KIẾN NGHỊ, ĐỀ XUẤT' }));
    await shows(preview.locator('.paper-generated').first());
    expect(await preview.getByRole('table').locator('tbody tr').count()).toBeGreaterThan(20);

    // Typing in section I shows in the preview at once, as text (bold by the editor's button, never HTML).
    await panel.getByLabel('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH').click();
    await p.keyboard.press('Control+A');
    await p.keyboard.type('Đã ban hành Kế hoạch số 08/KH-UBND về ');
    const bold = panel.getByRole('toolbar', { name: 'Định dạng' }).first().getByRole('button', { name: 'Đậm' });
    await bold.click();
    await p.keyboard.type('cải cách hành chính');
    await bold.click();
    await p.keyboard.type(' <b>năm 2026</b> & tuyên truyền.');
    const paragraph = preview.locator('.paper-paragraph', { hasText: 'Đã ban hành Kế hoạch số 08/KH-UBND' });
    await shows(paragraph);
    expect(await paragraph.textContent()).toBe('Đã ban hành Kế hoạch số 08/KH-UBND về cải cách hành chính <b>năm 2026</b> & tuyên truyền.');
    expect(await paragraph.locator('strong').textContent()).toBe('cải cách hành chính');
    expect(await paragraph.locator('b').count()).toBe(0);
    // It sits right under the heading of section I.
    const headingAndNext = await preview.locator('.paper-body > *').evaluateAll((nodes) => {
      const i = nodes.findIndex((n) => n.textContent === 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH');
      return nodes[i + 1]?.textContent ?? null;
    });
    expect(headingAndNext).toContain('Đã ban hành Kế hoạch số 08/KH-UBND');

    // The metadata too: the number in the header, the signer's name under the signature.
    await panel.getByLabel('Số', { exact: true }).fill('77');
    await shows(preview.getByText('Số: 77/BC-UBND', { exact: true }));
    await panel.getByLabel('Người ký', { exact: true }).fill('Hoàng Văn Thâm');
    await shows(preview.getByText('Hoàng Văn Thâm', { exact: true }));
    await preview.scrollIntoViewIfNeeded();
    await screenshot(p, 'report-document-preview');

    await panel.getByRole('button', { name: 'Ẩn xem trước' }).click();
    expect(await panel.getByRole('region', { name: 'Xem trước văn bản' }).count()).toBe(0);
  });

  it("a report on a template with its own outline shows the template's section titles in the editor and the preview", async () => {
    const p = await page({ width: 1400, height: 900 });
    await loginAs(p, 'xababe');
    await p.goto(haiDuongPath);
    const panel = p.getByRole('region', { name: 'Văn bản báo cáo' });
    await shows(panel.getByLabel('II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH'));
    await shows(panel.getByLabel('3. Nguyên nhân của hạn chế'));
    await panel.getByRole('button', { name: 'Xem trước' }).click();
    const preview = panel.getByRole('region', { name: 'Xem trước văn bản' });
    await shows(preview.getByRole('heading', { name: 'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH' }));
    const headings = await preview.locator('.paper-section').allTextContents();
    expect(headings.slice(0, 6)).toEqual([
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      '1. Ban hành Kế hoạch cải cách hành chính',
      '2. Về tổ chức chỉ đạo, điều hành cải cách hành chính',
      '3. Công tác kiểm tra cải cách hành chính',
      '4. Công tác tuyên truyền cải cách hành chính',
      'II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
    ]);
    expect(headings.slice(-5)).toEqual(['1. Ưu điểm', '2. Hạn chế', '3. Nguyên nhân của hạn chế', 'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026', 'V. KIẾN NGHỊ, ĐỀ XUẤT']);
    await panel.getByLabel('3. Nguyên nhân của hạn chế').fill('Trình độ sử dụng dịch vụ công trực tuyến của người dân còn hạn chế.');
    await shows(preview.getByText('Trình độ sử dụng dịch vụ công trực tuyến của người dân còn hạn chế.'));
    // The Biểu mẫu title prints without "Phụ lục" above it.
    await shows(preview.getByText('BIỂU MẪU THỐNG KÊ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH', { exact: false }));
    await screenshot(p, 'report-document-preview-hai-duong');
  });
});
