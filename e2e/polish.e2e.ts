import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { importProcedures } from '../src/services/dossiers/import-procedures';
import { computeReport } from '../src/services/reports/compute-report';
import { setObligation } from '../src/services/reports/obligations';
import { loginAs, screenshot, shows, submitLogin } from './support/browser';
import { DEMO_PASSWORD } from './support/server';
import { useBrowserSession } from './support/session';

/*
 * The rough edges a first real user met, on the demo province: the menu at 1366 px, a commune's
 * dashboard, the reviewer's report list, one percent style, the report's document (date typed
 * dd/mm/yyyy, the editor's buttons, the "Chưa lưu" notice, a failed PDF), accounts (edit, reset,
 * own password, every error at once) and the import page's sample file.
 */
let reportPath: string;
const session = useBrowserSession(async (server) => {
  const officer = (await server.store.users.findByUsername('xababe'))!;
  const view = await computeReport(server.store, null, { unitId: officer.unitId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
  reportPath = `/bao-cao/${view.report.id}`;
  // The province asks for the Thái Nguyên form; the catalogue of procedures is loaded.
  const reviewer = (await server.store.users.findByUsername('sonoivu'))!;
  const reviewerUnit = (await server.store.units.findById(reviewer.unitId))!;
  const asReviewer = { id: reviewer.id, username: reviewer.username, displayName: reviewer.displayName, role: reviewer.role, unit: reviewerUnit };
  await setObligation(server.store, asReviewer, { unitId: reviewerUnit.id, templateId: 'thai-nguyen-xa-2cap', periodKinds: ['quarter'], deadlineDays: 5 });
  await importProcedures(server.store, fileURLToPath(new URL('../demo/procedures.csv', import.meta.url)));
  // More reports than one page of the list holds.
  const other = (await server.store.users.findByUsername('xachodon'))!;
  for (const unitId of [officer.unitId, other.unitId]) {
    for (const periodId of ['2025-Q3', '2025-Q4', '2026-Q2', '2026-Q3', '2026-Q4', '2026-H1', '2026-H2', '2026-9M', '2026', '2025-H2', '2025', '2025-9M', '2025-Q2', '2025-H1']) {
      await computeReport(server.store, null, { unitId, templateId: 'mac-dinh-xa', periodId });
    }
  }
});
const mainNav = (p: Page) => p.getByRole('navigation', { name: 'Điều hướng chính' });

describe('the rough edges, smoothed', () => {
  it('the admin’s menu (13 items) fits one line at 1366 px', async () => {
    const p = await session.page({ width: 1366, height: 800 });
    await loginAs(p, 'admin');
    const links = mainNav(p).getByRole('link');
    await shows(links);
    expect(await links.count()).toBe(13);
    const tops = await links.evaluateAll((nodes) => nodes.map((n) => Math.round(n.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
  });

  it('a commune’s dashboard speaks of the commune, and its report chart starts on the form its province asks for', async () => {
    const p = await session.page();
    await loginAs(p, 'xababe');
    await p.goto('/bang-dieu-khien');
    const main = p.getByRole('main');
    await shows(main.getByRole('heading', { name: 'Tình hình nộp báo cáo' }));
    await shows(main.getByRole('img').first());
    expect(await main.getByRole('heading', { name: /Xếp hạng|Phân bố/ }).count()).toBe(0);
    const picker = main.getByRole('combobox', { name: 'Biểu mẫu', exact: true });
    // The demo province's obligation names the form; other provinces' forms are not offered.
    const province = (await session.server.store.users.findByUsername('sonoivu'))!.unitId;
    const [obligation] = await session.server.store.obligations.list([province]);
    expect(obligation).toBeDefined();
    await expect.poll(() => picker.inputValue()).toBe(obligation!.templateId);
    const offered = await picker.locator('option').allInnerTexts();
    expect(offered.join('|')).not.toMatch(/Hải Dương|Thanh Hóa/);
    await expect.poll(async () => (await main.innerHTML()).includes('Tình hình nộp báo cáo')).toBe(true);
    expect(await main.innerHTML()).not.toContain('trực thuộc');
    await screenshot(p, 'dashboard-commune', true);
  });

  it('the reviewer filters the report list by state and unit, pages through it, and the table takes the page’s width', async () => {
    const p = await session.page({ width: 1366, height: 900 });
    await loginAs(p, 'sonoivu');
    await p.goto('/bao-cao');
    const list = p.getByRole('table', { name: 'Danh sách báo cáo' });
    await shows(list);
    const pager = p.getByRole('navigation', { name: 'Phân trang' });
    await shows(pager.getByText(/^Trang 1\/\d+ · 1–25 trong \d+ báo cáo$/));
    const panel = p.getByRole('region', { name: 'Các báo cáo đã lập' });
    const [tableBox, panelBox] = [await list.boundingBox(), await panel.boundingBox()];
    expect(tableBox!.width).toBeGreaterThan(panelBox!.width * 0.9);
    expect(tableBox!.width).toBeGreaterThan(1000);

    await pager.getByRole('button', { name: 'Trang sau ›' }).click();
    await shows(pager.getByText(/^Trang 2\/\d+ · 26–/));
    expect(new URL(p.url()).searchParams.get('trang')).toBe('2');

    const filters = p.getByRole('search', { name: 'Lọc danh sách báo cáo' });
    await filters.getByLabel('Trạng thái').selectOption({ label: 'Đang soạn' });
    await expect.poll(() => new URL(p.url()).searchParams.get('trang')).toBeNull();
    await expect.poll(async () => [...new Set(await list.locator('tbody td:nth-child(5)').allInnerTexts())]).toEqual(['Đang soạn']);

    await panel.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
    await panel.getByRole('searchbox', { name: 'Đơn vị' }).fill('ba be');
    await panel.getByRole('list', { name: 'Đơn vị tìm thấy' }).getByRole('button', { name: /Xã Ba Bể/ }).click();
    await expect.poll(async () => [...new Set(await list.locator('tbody td:nth-child(2)').allInnerTexts())]).toEqual(['Xã Ba Bể']);
    await filters.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý I năm 2026' });
    await expect.poll(() => list.locator('tbody tr').count()).toBeLessThanOrEqual(1);
    await screenshot(p, 'report-list-filtered', true);
  });

  it('writes every percentage one way, without a space before the sign', async () => {
    const p = await session.page();
    await loginAs(p, 'sonoivu');
    await p.goto('/tinh-hinh-nop');
    const totals = p.getByRole('table', { name: 'Tổng hợp tình hình nộp báo cáo' });
    await shows(totals);
    const text = await p.getByRole('main').innerText();
    expect(text).toMatch(/\d+(,\d+)?%/);
    expect(text).not.toMatch(/\d %/);
  });

  it('an officer types the document’s date dd/mm/yyyy, formats text with buttons, sees "Chưa lưu" go after saving, and reads why a PDF failed', async () => {
    const p = await session.page({ width: 1366, height: 900 });
    await loginAs(p, 'xababe');
    await p.goto(reportPath);
    const panel = p.getByRole('region', { name: 'Văn bản báo cáo' });
    const unsaved = panel.getByText('Chưa lưu: đây là nội dung mặc định');
    await shows(unsaved);

    const date = panel.getByLabel('Ngày', { exact: true });
    expect(await date.inputValue()).toMatch(/^(\d{2}\/)?\d{2}\/\d{4}$/);
    await date.fill('2026-03-20');
    await shows(panel.getByText('Nhập ngày dạng dd/mm/yyyy'));
    await date.fill('20/3/2026');
    expect(await panel.getByText('Nhập ngày dạng dd/mm/yyyy').count()).toBe(0);

    const section = panel.getByLabel('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH');
    await section.click();
    await p.keyboard.press('Control+A');
    await p.keyboard.type('Đã ban hành Kế hoạch về ');
    const tools = panel.getByRole('toolbar', { name: 'Định dạng' }).first();
    await tools.getByRole('button', { name: 'Đậm' }).click();
    await p.keyboard.type('cải cách hành chính');
    await tools.getByRole('button', { name: 'Đậm' }).click();
    await p.keyboard.type(' năm 2026.');
    await p.keyboard.press('Enter');
    await tools.getByRole('button', { name: 'Danh sách' }).click();
    await p.keyboard.type('Tuyên truyền trên loa');
    await p.keyboard.press('Enter');
    await tools.getByRole('button', { name: 'Lùi vào' }).click();
    await tools.getByRole('button', { name: 'Nghiêng' }).click();
    await p.keyboard.type('12 buổi');
    expect(await section.textContent()).not.toContain('*');

    await panel.getByRole('button', { name: 'Xem trước' }).click();
    const preview = panel.getByRole('region', { name: 'Xem trước văn bản' });
    const paragraph = preview.locator('.paper-paragraph', { hasText: 'Đã ban hành Kế hoạch về' });
    await shows(paragraph);
    expect(await paragraph.locator('strong').textContent()).toBe('cải cách hành chính');
    await shows(preview.getByText('- Tuyên truyền trên loa'));
    await shows(preview.getByText('+ 12 buổi'));
    await shows(preview.getByText('ngày 20 tháng 3 năm 2026', { exact: false }));

    await panel.getByRole('button', { name: 'Lưu văn bản' }).click();
    await shows(panel.getByText('Đã lưu văn bản báo cáo.'));
    expect(await unsaved.count()).toBe(0);
    // After a reload the text comes back formatted, never as markup.
    await p.reload();
    const again = p.getByRole('region', { name: 'Văn bản báo cáo' }).getByLabel('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH');
    await shows(again.locator('strong', { hasText: 'cải cách hành chính' }));
    await shows(again.locator('ul ul em', { hasText: '12 buổi' }));
    expect(await p.getByRole('region', { name: 'Văn bản báo cáo' }).getByLabel('Ngày', { exact: true }).inputValue()).toBe('20/03/2026');
    await screenshot(p, 'narrative-editor');

    // Without LibreOffice on the server, the PDF button says so on the page.
    const path = process.env.PATH;
    process.env.PATH = '/khong-co-libreoffice';
    try {
      await p.getByRole('region', { name: 'Văn bản báo cáo' }).getByRole('link', { name: 'Tải PDF' }).click();
      await shows(p.getByRole('region', { name: 'Văn bản báo cáo' }).getByRole('alert').filter({ hasText: 'Chưa cài LibreOffice' }));
    } finally {
      process.env.PATH = path;
    }
  });

  it('shows every problem of a new account at once, lets the admin edit one and reset its password, and any user change their own', async () => {
    const p = await session.page();
    await loginAs(p, 'admin');
    await p.goto('/tai-khoan');
    const create = p.getByRole('form', { name: 'Tạo tài khoản mới' });
    await create.getByLabel('Tên đăng nhập').fill('X Y');
    await create.getByRole('button', { name: 'Tạo tài khoản' }).click();
    const summary = create.getByRole('alert').filter({ hasText: 'Chưa lưu được: 4 chỗ cần sửa.' });
    await shows(summary);
    for (const text of ['Tên đăng nhập phải dài 3–40 ký tự', 'Họ và tên không được để trống.', 'Mật khẩu phải có ít nhất 8 ký tự.', 'Hãy chọn đơn vị của tài khoản.']) {
      await shows(summary.getByText(text, { exact: false }));
    }
    expect(await create.getByLabel('Họ và tên').getAttribute('aria-invalid')).toBe('true');

    const table = p.getByRole('table', { name: 'Danh sách tài khoản' });
    await table.getByRole('button', { name: 'Sửa tài khoản xachodon' }).click();
    const edit = p.getByRole('form', { name: 'Sửa tài khoản xachodon' });
    await edit.getByLabel('Họ và tên').fill('Lường Thị Hai');
    await edit.getByLabel('Đặt lại mật khẩu').fill('mat-khau-dat-lai-2026');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã lưu tài khoản “xachodon” và đặt lại mật khẩu' }));
    await shows(table.getByRole('row').filter({ hasText: 'xachodon' }).getByText('Lường Thị Hai'));
    await p.getByRole('button', { name: 'Đăng xuất' }).click();

    await p.waitForURL('**/dang-nhap');
    await submitLogin(p, 'xachodon', 'mat-khau-dat-lai-2026');
    await p.waitForURL((url) => url.pathname === '/');
    await p.getByRole('banner').getByRole('link', { name: 'Đổi mật khẩu' }).click();
    const form = p.getByRole('form', { name: 'Đổi mật khẩu' });
    await form.getByLabel('Mật khẩu hiện tại', { exact: true }).fill('sai-mat-khau');
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('ngan');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('khac');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await shows(form.getByRole('alert').filter({ hasText: 'Chưa lưu được: 2 chỗ cần sửa.' }));
    await form.getByLabel('Mật khẩu mới', { exact: true }).fill('mat-khau-cua-hai-2026');
    await form.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-cua-hai-2026');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await shows(form.getByRole('alert').filter({ hasText: 'Mật khẩu hiện tại không đúng.' }));
    await form.getByLabel('Mật khẩu hiện tại', { exact: true }).fill('mat-khau-dat-lai-2026');
    await form.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await shows(form.getByRole('status').filter({ hasText: 'Đã đổi mật khẩu.' }));
    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    await p.waitForURL('**/dang-nhap');
    await submitLogin(p, 'xachodon', DEMO_PASSWORD);
    await shows(p.getByRole('alert'));
    await submitLogin(p, 'xachodon', 'mat-khau-cua-hai-2026');
    await p.waitForURL((url) => url.pathname === '/');
  });

  it('the import page offers a sample file that imports as it is, and the values of each coded column', async () => {
    const p = await session.page();
    await loginAs(p, 'xababe');
    await p.goto('/nhap-ho-so');
    const help = p.getByRole('complementary', { name: 'Các cột của tệp' });
    for (const value of ['Trực tiếp', 'Bưu chính công ích', 'Đã trả kết quả', 'Rất hài lòng', 'Có']) await shows(help.locator('q', { hasText: new RegExp(`^${value}$`) }).first());
    const [download] = await Promise.all([p.waitForEvent('download'), help.getByRole('button', { name: 'Tải tệp mẫu (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe('mau-nhap-ho-so.csv');
    const sample = await readFile(await download.path());
    expect(sample.toString('utf8')).toMatch(/^\ufeffMã hồ sơ,Mã đơn vị,Mã thủ tục/);

    await p.getByLabel('Tệp xuất (.csv hoặc .xlsx)').setInputFiles({ name: 'mau-nhap-ho-so.csv', mimeType: 'text/csv', buffer: sample });
    await p.getByRole('button', { name: 'Tải lên và nhập' }).click();
    await shows(p.getByText('Thêm mới'));
    await expect.poll(async () => (await p.getByRole('main').innerText()).match(/Thêm mới\s*3/) !== null).toBe(true);
  });
});
