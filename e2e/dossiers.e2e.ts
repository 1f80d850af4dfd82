import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importProcedures } from '../src/services/dossiers/import-procedures';
import { loginAs, screenshot, shows } from './support/browser';
import { useBrowserSession } from './support/session';

/*
 * One server for the file; the tests run in order and build on each other: the first uploads
 * the export through the import page, the next ones read it back (statistics, register), the
 * last records a dossier at the desk.
 */

const PROCEDURES = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ,Thời hạn giải quyết,Có phí,Liên thông',
  '1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cấp xã,Toàn trình,0.5,Không,Không',
  '2.000884,Chứng thực bản sao từ bản chính,Chứng thực,Cấp xã,Một phần,0.5,Có,Không',
  '1.001022,Đăng ký kết hôn,Hộ tịch,Cấp xã,Mức độ 3,3,Không,Không',
].join('\n');

/*
 * Xã Ba Bể's export. Line 9 (HS-08) has an impossible date and is rejected. Worked out by hand
 * for 01/01/2026–31/01/2026 (docs/metrics.md):
 *   carried over 1 (HS-06, received 29/12/2025, resolved 05/01/2026);
 *   received 7 = direct 3 (HS-02, 03, 07) + online 3 (HS-01, 05, 09) + postal 1 (HS-04); to handle 8;
 *   resolved 4: early HS-03, on time HS-01, late HS-02 and HS-06;
 *   pending at 31/01: HS-04 (due 15/01, overdue), HS-05 (due 02/02, in time);
 *   returned HS-07, withdrawn HS-09; HS-10 is received in February, outside the window.
 *   Rates: on time 2/4 = 50%, online 3/7 = 42,86%, digitized input 4/7 = 57,14% (HS-01, 02, 05, 09),
 *   satisfaction 2/3 = 66,67% (HS-01 satisfied, HS-03 very satisfied, HS-02 not).
 *   By field: Hộ tịch received 6 (2/3/1), resolved 2 (early 1, on time 1), pending 2, returned 1,
 *   withdrawn 1; Chứng thực carried over 1, received 1 direct, resolved 2 both late.
 */
const DOSSIERS = [
  'Mã hồ sơ,Mã đơn vị,Mã thủ tục,Tên thủ tục,Lĩnh vực,Mức độ,Kênh tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày trả kết quả,Trạng thái,Số hóa đầu vào,Số hóa kết quả,Có phí,Thanh toán trực tuyến,Đánh giá',
  'HS-01,01906,1.001193,,,,Trực tuyến,05/01/2026 08:00,05/01/2026 17:00,05/01/2026 10:00,,Đã có kết quả,x,x,,,Hài lòng',
  'HS-02,01906,2.000884,,,,Trực tiếp,06/01/2026 09:00,06/01/2026 17:00,08/01/2026 09:00,,Đã có kết quả,1,0,Có,Có,Không hài lòng',
  'HS-03,01906,1.001022,,,,Trực tiếp,07/01/2026 09:00,12/01/2026 17:00,09/01/2026 10:00,10/01/2026 08:00,Đã trả kết quả,0,1,,,Rất hài lòng',
  'HS-04,01906,1.001022,,,,Bưu chính công ích,12/01/2026 09:00,15/01/2026 17:00,,,Đang giải quyết,0,0,,,',
  'HS-05,01906,1.001193,,,,Trực tuyến,30/01/2026 14:00,02/02/2026 17:00,,,Đang giải quyết,x,,,,',
  'HS-06,01906,2.000884,,,,Trực tiếp,29/12/2025 08:00,31/12/2025 17:00,05/01/2026 15:00,,Đã có kết quả,0,0,Có,Không,',
  'HS-07,01906,1.001022,,,,Trực tiếp,14/01/2026 09:00,19/01/2026 17:00,15/01/2026 10:00,,Trả lại,0,0,,,',
  'HS-08,01906,1.001022,,,,Trực tiếp,31/02/2026 09:00,,,,Đang giải quyết,,,,,',
  'HS-09,01906,1.001193,,,,Trực tuyến,22/01/2026 10:00,22/01/2026 17:00,23/01/2026 09:00,,Rút hồ sơ,x,,,,',
  'HS-10,01906,1.001022,,,,Trực tiếp,10/02/2026 09:00,13/02/2026 17:00,,,Đang giải quyết,,,,,',
].join('\n');

const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-dossiers-'));
const browserSession = useBrowserSession(async (server) => {
  writeFileSync(join(dir, 'thu-tuc.csv'), PROCEDURES);
  await importProcedures(server.store, join(dir, 'thu-tuc.csv'));
  writeFileSync(join(dir, 'ho-so-ba-be.csv'), DOSSIERS);
}, () => rmSync(dir, { recursive: true, force: true }));
const page = (viewport?: { width: number; height: number }) => browserSession.page(viewport);

const mainNav = (p: Page) => p.getByRole('navigation', { name: 'Điều hướng chính' });
const cellTexts = async (row: Locator) => (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());

describe('dossiers in the browser', () => {
  it('an officer uploads an export with a bad row: progress to the end, counts, the reason, the rejected rows as XLSX', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await mainNav(p).getByRole('link', { name: 'Nhập hồ sơ' }).click();
    await p.waitForURL('**/nhap-ho-so');
    // The help lists the canonical columns (from the server) and their synonyms.
    const help = p.getByRole('complementary', { name: 'Các cột của tệp' });
    await shows(help.getByText('Mã hồ sơ', { exact: true }));
    await shows(help.getByText(/hoặc: Số hồ sơ, Mã số hồ sơ, Số biên nhận/));
    expect(await p.getByRole('region', { name: 'Khai báo cột' }).count()).toBe(0); // admins only

    expect(await p.getByLabel('Nguồn dữ liệu').inputValue()).toBe('motcua');
    await p.getByLabel('Tệp xuất (.csv hoặc .xlsx)').setInputFiles(join(dir, 'ho-so-ba-be.csv'));
    await shows(p.getByText('ho-so-ba-be.csv (1,4 KB)'));
    // Every text the processing line shows, in order (the page polls the job every 400 ms).
    await p.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressTexts: string[] }).progressTexts = seen;
      new MutationObserver(() => {
        const text = document.querySelector('.import-progress [role="status"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await p.getByRole('button', { name: 'Tải lên và nhập' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Hoàn tất: đã xử lý 10 dòng.' }));
    // The browser counted the CSV's 10 rows before the server said anything.
    expect(await p.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts)).toEqual([
      'Đã xử lý 0/10 dòng…',
      'Hoàn tất: đã xử lý 10 dòng.',
    ]);
    expect(await p.locator('#upload-progress').evaluate((el: HTMLProgressElement) => el.value)).toBe(1);
    expect(await p.locator('#process-progress').evaluate((el: HTMLProgressElement) => el.value)).toBe(1);

    const result = p.getByRole('region', { name: 'Kết quả nhập' });
    const count = (label: string) => result.locator('.count').filter({ has: p.getByText(label, { exact: true }) }).locator('dd');
    expect(await count('Thêm mới').innerText()).toBe('9');
    expect(await count('Cập nhật').innerText()).toBe('0');
    expect(await count('Không thay đổi').innerText()).toBe('0');
    expect(await count('Bị từ chối').innerText()).toBe('1');
    const errors = result.getByRole('table', { name: 'Các dòng bị từ chối' });
    const rows = errors.getByRole('row');
    expect(await rows.count()).toBe(2);
    expect(await cellTexts(rows.nth(1))).toEqual([
      '9',
      'Ngày tiếp nhận',
      '31/02/2026 09:00',
      'ngày "31/02/2026 09:00" không hợp lệ (viết dd/mm/yyyy hoặc dd/mm/yyyy HH:mm).',
    ]);
    await screenshot(p, 'import-page', true);

    const [download] = await Promise.all([
      p.waitForEvent('download'),
      result.getByRole('link', { name: 'Tải các dòng bị từ chối (XLSX, kèm lý do)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^dong-bi-tu-choi-\d+\.xlsx$/);
    const saved = join(dir, 'rejected.xlsx');
    await download.saveAs(saved);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(1).value).toBe('HS-08');
  });

  it('the statistics of Ba Bể for January 2026 are the hand-counted numbers, by field too', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await mainNav(p).getByRole('link', { name: 'Thống kê' }).click();
    await p.waitForURL('**/thong-ke');
    await p.getByRole('radio', { name: 'Khoảng ngày tùy chọn' }).check();
    await p.getByLabel('Từ ngày').fill('01/01/2026');
    await p.getByLabel('Đến ngày').fill('31/01/2026');
    await shows(p.getByRole('heading', { name: 'Xã Ba Bể — Từ ngày 01/01/2026 đến ngày 31/01/2026' }));

    const summary = p.getByRole('table', { name: 'Tình hình giải quyết hồ sơ', exact: true });
    // Tồn, tiếp nhận (tổng, trực tiếp, trực tuyến, bưu chính), phải giải quyết, đã giải quyết (tổng, trước,
    // đúng, quá hạn), đang giải quyết (tổng, trong, quá hạn), trả lại, rút, tỷ lệ đúng hạn.
    const janRow = ['1', '7', '3', '3', '1', '8', '4', '1', '1', '2', '2', '1', '1', '1', '1', '50% (2/4)'];
    expect(await cellTexts(summary.getByRole('row', { name: 'Xã Ba Bể' }))).toEqual(janRow);

    const rates = p.getByRole('table', { name: 'Các tỷ lệ' });
    const rate = async (name: string) => (await rates.getByRole('row', { name }).getByRole('cell').first().innerText()).trim();
    expect(await rate('Tỷ lệ giải quyết đúng hạn')).toBe('50% (2/4)');
    expect(await rate('Tỷ lệ tiếp nhận trực tuyến')).toBe('42,86% (3/7)');
    expect(await rate('Tỷ lệ hồ sơ trực tuyến toàn trình')).toBe('100% (3/3)');
    expect(await rate('Tỷ lệ số hóa hồ sơ')).toBe('57,14% (4/7)');
    expect(await rate('Tỷ lệ số hóa kết quả')).toBe('50% (2/4)');
    expect(await rate('Tỷ lệ thanh toán trực tuyến')).toBe('100% (1/1)');
    expect(await rate('Tỷ lệ hài lòng')).toBe('66,67% (2/3)');

    const byField = p.getByRole('table', { name: 'Tình hình giải quyết hồ sơ theo lĩnh vực' });
    expect(await cellTexts(byField.getByRole('row', { name: 'Hộ tịch' }))).toEqual(['0', '6', '2', '3', '1', '6', '2', '1', '1', '0', '2', '1', '1', '1', '1', '100% (2/2)']);
    expect(await cellTexts(byField.getByRole('row', { name: 'Chứng thực' }))).toEqual(['1', '1', '1', '0', '0', '2', '2', '0', '0', '2', '0', '0', '0', '0', '0', '0% (0/2)']);
    expect(await cellTexts(byField.getByRole('row', { name: 'Tổng cộng' }))).toEqual(janRow);
    const chart = p.getByRole('list', { name: 'Biểu đồ theo lĩnh vực' });
    await shows(chart.getByRole('listitem', { name: 'Hộ tịch: tiếp nhận 6, đúng hạn 2, quá hạn 0' }));
    await shows(chart.getByRole('listitem', { name: 'Chứng thực: tiếp nhận 1, đúng hạn 0, quá hạn 2' }));
    await screenshot(p, 'stats-page', true);

    // A reporting period: Q1/2026 under Decree 09/2019 runs 15/12/2025–14/03/2026 and holds HS-06 and HS-10 too.
    await p.getByRole('radio', { name: 'Kỳ báo cáo' }).check();
    await p.getByLabel('Năm', { exact: true }).selectOption('2026');
    await p.getByLabel('Loại kỳ').selectOption({ label: 'Quý' });
    await p.getByLabel('Kỳ', { exact: true }).selectOption({ label: 'Quý I' });
    await shows(p.getByRole('status').filter({ hasText: 'Quý I năm 2026: 15/12/2025 – 14/03/2026' }));
    await shows(p.getByRole('heading', { name: 'Xã Ba Bể — Quý I năm 2026: 15/12/2025 – 14/03/2026' }));
    expect(await cellTexts(summary.getByRole('row', { name: 'Xã Ba Bể' }))).toEqual(['0', '9', '5', '3', '1', '9', '4', '1', '1', '2', '3', '0', '3', '1', '1', '50% (2/4)']);
  });

  it('the register lists the imported dossiers, filters narrow it, a dossier shows its timeline', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await mainNav(p).getByRole('link', { name: 'Hồ sơ', exact: true }).click();
    await p.waitForURL('**/ho-so');
    const table = p.getByRole('table', { name: 'Danh sách hồ sơ' });
    const count = p.locator('.result-count');
    await shows(count.filter({ hasText: 'Tìm thấy 9 hồ sơ.' }));
    const codes = async () => (await table.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim()).sort();
    expect(await codes()).toEqual(['HS-01', 'HS-02', 'HS-03', 'HS-04', 'HS-05', 'HS-06', 'HS-07', 'HS-09', 'HS-10']);
    const hs03 = table.getByRole('row', { name: /HS-03/ });
    expect(await hs03.innerText()).toContain('09:00 07/01/2026');

    await p.getByLabel('Kênh tiếp nhận').selectOption({ label: 'Trực tuyến' });
    await shows(count.filter({ hasText: 'Tìm thấy 3 hồ sơ.' }));
    expect(await codes()).toEqual(['HS-01', 'HS-05', 'HS-09']);
    await p.getByLabel('Kênh tiếp nhận').selectOption({ label: 'Tất cả các kênh' });
    await p.getByLabel('Lĩnh vực').selectOption('Chứng thực');
    await shows(count.filter({ hasText: 'Tìm thấy 2 hồ sơ.' }));
    expect(await codes()).toEqual(['HS-02', 'HS-06']);
    await p.getByLabel('Lĩnh vực').selectOption('');
    await p.getByLabel('Tiếp nhận từ ngày').fill('07/01/2026');
    await p.getByLabel('Đến ngày').fill('14/01/2026');
    await shows(count.filter({ hasText: 'Tìm thấy 3 hồ sơ.' }));
    expect(await codes()).toEqual(['HS-03', 'HS-04', 'HS-07']);
    await screenshot(p, 'register-page', true);

    await table.getByRole('link', { name: 'HS-03' }).click();
    await p.waitForURL(/\/ho-so\/\d+$/);
    await shows(p.getByRole('heading', { name: 'Hồ sơ HS-03' }));
    const facts = p.getByRole('region', { name: 'Thông tin hồ sơ' });
    await shows(facts.getByText('Đăng ký kết hôn'));
    await shows(facts.getByText('Giải quyết trước hạn'));
    await shows(facts.getByText('17:00 12/01/2026'));
    await shows(facts.getByText('Rất hài lòng'));
    const timeline = p.getByRole('list', { name: 'Quá trình xử lý' });
    expect((await timeline.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      '09:00 07/01/2026 Tiếp nhận hồ sơ Nhập từ motcua',
      '10:00 09/01/2026 Có kết quả giải quyết Nhập từ motcua',
      '08:00 10/01/2026 Trả kết quả cho công dân Nhập từ motcua',
    ]);
    await shows(p.getByText('Hồ sơ này được nhập từ phần mềm một cửa'));
    expect(await p.getByRole('button', { name: 'Trả kết quả cho công dân' }).count()).toBe(0);
    await screenshot(p, 'dossier-imported', true);

    // Back to the register: the filters are in the address.
    await p.goBack();
    await shows(count.filter({ hasText: 'Tìm thấy 3 hồ sơ.' }));
    expect(await p.getByLabel('Tiếp nhận từ ngày').inputValue()).toBe('07/01/2026');
  });

  it('an officer records a dossier at the desk, asks for papers, gets them, resolves it', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await p.goto('/ho-so');
    await p.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
    const form = p.getByRole('form', { name: 'Tiếp nhận hồ sơ tại Xã Ba Bể' });
    await form.getByLabel('Thủ tục hành chính').selectOption({ label: 'Đăng ký kết hôn (1.001022)' });
    await shows(form.getByText('Thời hạn giải quyết: 3 ngày làm việc'));
    await form.getByLabel('Kênh tiếp nhận').selectOption({ label: 'Trực tiếp' });
    // Thursday 05/03/2026 10:00 + 3 working days → Tuesday 10/03/2026.
    await form.getByLabel('Thời điểm tiếp nhận').fill('05/03/2026 10:00');
    await form.getByLabel('Đã số hóa hồ sơ đầu vào').check();
    await screenshot(p, 'desk-reception-form', true);
    await form.getByRole('button', { name: 'Lưu và mở hồ sơ' }).click();
    await p.waitForURL(/\/ho-so\/\d+$/);
    await shows(p.getByRole('heading', { name: 'Hồ sơ 01906-20260305-0001' }));
    const facts = p.getByRole('region', { name: 'Thông tin hồ sơ' });
    const fact = (name: string) => facts.locator('dt').filter({ hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');
    expect(await fact('Hẹn trả kết quả').innerText()).toMatch(/ 10\/03\/2026$/);
    expect(await fact('Tiếp nhận').innerText()).toBe('10:00 05/03/2026');

    const step = async (button: string, at: string, extra?: (f: Locator) => Promise<void>) => {
      await p.getByRole('button', { name: button }).click();
      const stepForm = p.getByRole('form', { name: button });
      await stepForm.getByLabel('Thời điểm').fill(at);
      await extra?.(stepForm);
      await stepForm.getByRole('button', { name: 'Ghi nhận' }).click();
      return stepForm;
    };

    // A time before the reception is refused, with the server's reason.
    const refused = await step('Yêu cầu bổ sung, hoàn thiện hồ sơ', '01/03/2026 08:00');
    await shows(refused.getByRole('alert').filter({ hasText: 'Thời điểm phải sau bước trước (Tiếp nhận hồ sơ).' }));
    await refused.getByLabel('Thời điểm').fill('06/03/2026 09:00');
    await refused.getByLabel('Ghi chú').fill('Thiếu bản sao giấy khai sinh');
    await refused.getByRole('button', { name: 'Ghi nhận' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã ghi nhận: Yêu cầu bổ sung, hoàn thiện hồ sơ.' }));
    await shows(facts.getByText('Chờ bổ sung'));

    // The clock stood still while waiting: 06/03 was used, 12 and 13/03 remain.
    await step('Công dân đã bổ sung hồ sơ', '11/03/2026 08:00');
    await shows(p.getByRole('status').filter({ hasText: 'Đã ghi nhận: Công dân đã bổ sung hồ sơ.' }));
    await expect.poll(() => fact('Hẹn trả kết quả').innerText()).toMatch(/ 13\/03\/2026$/);

    await step('Có kết quả giải quyết', '12/03/2026 15:00', (f) => f.getByLabel('Số hóa kết quả?').check());
    await shows(p.getByRole('status').filter({ hasText: 'Đã ghi nhận: Có kết quả giải quyết.' }));
    await shows(facts.getByText('Giải quyết trước hạn'));
    expect(await fact('Số hóa').innerText()).toBe('Hồ sơ đầu vào: Có · Kết quả: Có');

    const timeline = p.getByRole('list', { name: 'Quá trình xử lý' });
    const actor = 'Hoàng Văn Một (UBND xã Ba Bể, demo)';
    expect((await timeline.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())).toEqual([
      `10:00 05/03/2026 Tiếp nhận hồ sơ ${actor}`,
      `09:00 06/03/2026 Yêu cầu bổ sung, hoàn thiện hồ sơ ${actor} Thiếu bản sao giấy khai sinh`,
      `08:00 11/03/2026 Công dân đã bổ sung hồ sơ ${actor}`,
      `15:00 12/03/2026 Có kết quả giải quyết ${actor}`,
    ]);
    // What may follow: delivery only.
    expect(await p.locator('.step-buttons button').allInnerTexts()).toEqual(['Trả kết quả cho công dân']);
    await screenshot(p, 'dossier-desk', true);
  });

  it('a reviewer reads the whole province and narrows it to one commune', async () => {
    const p = await page();
    await loginAs(p, 'sonoivu');
    await p.goto('/thong-ke');
    await p.getByRole('radio', { name: 'Khoảng ngày tùy chọn' }).check();
    await p.getByLabel('Từ ngày').fill('01/01/2026');
    await p.getByLabel('Đến ngày').fill('31/01/2026');
    await shows(p.getByRole('heading', { name: 'Tỉnh Thái Nguyên — Từ ngày 01/01/2026 đến ngày 31/01/2026' }));
    await shows(p.getByText('Gồm 93 đơn vị'));
    const summary = p.getByRole('table', { name: 'Tình hình giải quyết hồ sơ', exact: true });
    const janRow = ['1', '7', '3', '3', '1', '8', '4', '1', '1', '2', '2', '1', '1', '1', '1', '50% (2/4)'];
    expect(await cellTexts(summary.getByRole('row', { name: 'Tỉnh Thái Nguyên' }))).toEqual(janRow); // only Ba Bể has dossiers
    await p.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
    await p.getByRole('searchbox', { name: 'Đơn vị' }).fill('cho don');
    await p.getByRole('list', { name: 'Đơn vị tìm thấy' }).getByRole('button', { name: /Xã Chợ Đồn/ }).click();
    await shows(p.getByRole('heading', { name: 'Xã Chợ Đồn — Từ ngày 01/01/2026 đến ngày 31/01/2026' }));
    expect(await cellTexts(summary.getByRole('row', { name: 'Xã Chợ Đồn' }))).toEqual([...Array<string>(15).fill('0'), '— (0/0)']);

    await p.goto('/ho-so');
    const count = p.locator('.result-count');
    await shows(count.filter({ hasText: 'Tìm thấy 10 hồ sơ.' })); // the nine imported and the desk one
    expect(await p.getByRole('columnheader', { name: 'Đơn vị' }).count()).toBe(1);
    expect(await p.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).count()).toBe(0);
    await p.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
    await p.getByRole('searchbox', { name: 'Đơn vị' }).fill('cho don');
    await p.getByRole('list', { name: 'Đơn vị tìm thấy' }).getByRole('button', { name: /Xã Chợ Đồn/ }).click();
    await shows(count.filter({ hasText: 'Không có hồ sơ nào khớp với bộ lọc.' }));
    // The choice is in the address: a reload keeps it.
    await p.reload();
    await shows(p.getByRole('group', { name: 'Đơn vị đã chọn' }).getByText('Xã Chợ Đồn'));
    await shows(count.filter({ hasText: 'Không có hồ sơ nào khớp với bộ lọc.' }));
  });

  it('an admin declares the columns of another export, and the help shows them', async () => {
    const p = await page();
    await loginAs(p, 'admin');
    await p.goto('/nhap-ho-so');
    await p.getByLabel('Nguồn dữ liệu').fill('phan-mem-cu');
    const columns = p.getByRole('form', { name: 'Khai báo cột cho nguồn “phan-mem-cu”' });
    await columns.getByLabel('Mã hồ sơ', { exact: true }).fill('Số HS');
    await columns.getByLabel('Ngày tiếp nhận', { exact: true }).fill('Ngày nộp hồ sơ');
    await columns.getByRole('button', { name: 'Lưu cách đọc cột' }).click();
    await shows(columns.getByRole('status').filter({ hasText: 'Đã lưu cách đọc cột cho nguồn “phan-mem-cu”.' }));
    const help = p.getByRole('complementary', { name: 'Các cột của tệp' });
    await shows(help.getByText('Nguồn “phan-mem-cu” còn có cách đọc cột riêng: Mã hồ sơ ← “Số HS”; Ngày tiếp nhận ← “Ngày nộp hồ sơ”.'));
    // Another source keeps the standard names only.
    await p.getByLabel('Nguồn dữ liệu').fill('motcua');
    await shows(p.getByRole('form', { name: 'Khai báo cột cho nguồn “motcua”' }));
    expect(await help.getByText('còn có cách đọc cột riêng').count()).toBe(0);
  });
});
