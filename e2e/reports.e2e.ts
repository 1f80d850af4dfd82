import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { importDossiers } from '../src/services/dossiers/import-dossiers';
import { importProcedures } from '../src/services/dossiers/import-procedures';
import { loginAs, screenshot, shows } from './support/browser';
import { useBrowserSession } from './support/session';

/*
 * One server for the file; the tests run in order and build on each other: the first creates
 * Xã Ba Bể's report for 2026-Q1, the next ones fill it in, override a computed row, save, reload,
 * then recompute it after one more dossier arrives.
 */

const PROCEDURES = [
  'Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,Mức độ,Thời hạn giải quyết,Có phí,Liên thông',
  '1.001193,Thủ tục đăng ký khai sinh,Hộ tịch,Cấp xã,Toàn trình,0.5,Không,Không',
  '2.000884,Chứng thực bản sao từ bản chính,Chứng thực,Cấp xã,Một phần,0.5,Có,Không',
  '1.001022,Đăng ký kết hôn,Hộ tịch,Cấp xã,Mức độ 3,3,Không,Không',
].join('\n');

const HEADER =
  'Mã hồ sơ,Mã đơn vị,Mã thủ tục,Tên thủ tục,Lĩnh vực,Mức độ,Kênh tiếp nhận,Ngày tiếp nhận,Ngày hẹn trả,Ngày có kết quả,Ngày trả kết quả,Trạng thái,Số hóa đầu vào,Số hóa kết quả,Có phí,Thanh toán trực tuyến,Đánh giá';

/*
 * Xã Ba Bể (01906), 2026-Q1 under Decree 09/2019: the window is 15/12/2025–14/03/2026.
 * Worked out by hand (docs/metrics.md):
 *   3.4.1 carried over 1: Q-01 (received 10/12/2025, result 16/12/2025).
 *   3.4.2 received in the window 8 (Q-02…; Q-09 comes on 20/03, after the window):
 *         direct 4 (Q-03, 04, 07, 10), online 3 (Q-02, 06, 08: all khai sinh, toàn trình → full 3,
 *         partial 0), postal 1.
 *   3.4.3 to handle 1 + 8 = 9.   3.4.4 online 3/8 = 37,5 %.   3.4.5 toàn trình received online 3/3 = 100 %.
 *   3.5.1 resolved 5: early Q-04 (09/01 < due 12/01); on the due day Q-02 (05/01) and Q-10 (02/02);
 *         late Q-01 (16/12 > 15/12) and Q-03 (08/01 > 06/01) → on time 1 + 2 = 3, 3/5 = 60 %;
 *   3.5.2 late 2, 3.5.3 2/5 = 40 %.
 *   3.5.4 open at the end of 14/03: Q-05 (due 15/01, overdue) and Q-06 (due 16/03, in time) = 2;
 *   3.5.5 paused 1 (Q-06 waits for papers).  3.5.6 returned 1.  3.5.7 withdrawn 1.
 *         Conservation: 9 = 5 + 1 + 1 + 2.
 *   3.6.1 digitized at reception 4 (Q-02, 03, 06, 08) of 8 = 50 %; 3.6.2 digitized results 2 (Q-02, 04) of 5 = 40 %;
 *   3.6.3 with a fee 2 (Q-03 from the export, Q-10 from the procedure), paid online 1 (Q-03) = 50 %.
 *   3.7.1 rated 3: very satisfied 1, satisfied 1, unsatisfied 1; 3.7.2 2/3 = 66,67 %.
 */
const DOSSIERS = [
  HEADER,
  'Q-01,01906,1.001022,,,,Trực tiếp,10/12/2025 09:00,15/12/2025 17:00,16/12/2025 10:00,,Đã có kết quả,0,0,,,',
  'Q-02,01906,1.001193,,,,Trực tuyến,05/01/2026 08:00,05/01/2026 17:00,05/01/2026 10:00,,Đã có kết quả,x,x,,,Hài lòng',
  'Q-03,01906,2.000884,,,,Trực tiếp,06/01/2026 09:00,06/01/2026 17:00,08/01/2026 09:00,,Đã có kết quả,1,0,Có,Có,Không hài lòng',
  'Q-04,01906,1.001022,,,,Trực tiếp,07/01/2026 09:00,12/01/2026 17:00,09/01/2026 10:00,10/01/2026 08:00,Đã trả kết quả,0,1,,,Rất hài lòng',
  'Q-05,01906,1.001022,,,,Bưu chính công ích,12/01/2026 09:00,15/01/2026 17:00,,,Đang giải quyết,0,0,,,',
  'Q-06,01906,1.001193,,,,Trực tuyến,13/03/2026 14:00,16/03/2026 17:00,,,Chờ bổ sung,x,,,,',
  'Q-07,01906,1.001022,,,,Trực tiếp,14/01/2026 09:00,19/01/2026 17:00,15/01/2026 10:00,,Trả lại,0,0,,,',
  'Q-08,01906,1.001193,,,,Trực tuyến,22/01/2026 10:00,22/01/2026 17:00,23/01/2026 09:00,,Rút hồ sơ,x,,,,',
  'Q-09,01906,1.001022,,,,Trực tiếp,20/03/2026 09:00,25/03/2026 17:00,,,Đang giải quyết,,,,,',
  'Q-10,01906,2.000884,,,,Trực tiếp,02/02/2026 09:00,02/02/2026 17:00,02/02/2026 15:00,,Đã có kết quả,0,0,,,',
].join('\n');

/*
 * A later export adds Q-11 (direct, received 02/03/2026, resolved early on 04/03): received 9,
 * direct 5, online still 3 → 3.4.4 = 3/9 = 33,33 %.
 */
const LATER_DOSSIERS = [HEADER, 'Q-11,01906,1.001022,,,,Trực tiếp,02/03/2026 09:00,05/03/2026 17:00,04/03/2026 10:00,,Đã có kết quả,1,1,,,Hài lòng'].join('\n');

let reportPath = '';
const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-reports-'));
const browserSession = useBrowserSession(async (server) => {
  writeFileSync(join(dir, 'thu-tuc.csv'), PROCEDURES);
  await importProcedures(server.store, join(dir, 'thu-tuc.csv'));
  writeFileSync(join(dir, 'ho-so-quy-1.csv'), DOSSIERS);
  const imported = await importDossiers(browserSession.server.store, { path: join(dir, 'ho-so-quy-1.csv'), source: 'e2e', actor: null });
  expect(imported).toMatchObject({ inserted: 10, rejected: 0 });
}, () => rmSync(dir, { recursive: true, force: true }));
const page = (viewport?: { width: number; height: number }) => browserSession.page(viewport);

const mainNav = (p: Page) => p.getByRole('navigation', { name: 'Điều hướng chính' });
const row = (p: Page, id: string) => p.locator(`#row-${id}`);
/** The value a computed row shows (read-only). */
const shown = async (p: Page, id: string) => (await row(p, id).locator('td.report-value output').first().innerText()).trim();
const field = (p: Page, id: string): Locator => row(p, id).locator('td.report-value').getByRole('textbox');
const findings = (p: Page, id: string) => p.locator(`#findings-${id}`);
const fact = (p: Page, name: string) =>
  p.locator('dl[aria-label="Thông tin báo cáo"] dt').filter({ hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd[1]');
const revision = (p: Page) => fact(p, 'Phiên bản số liệu');
const summary = (p: Page) => p.locator('#findings-title [role="status"]');

async function openReport(p: Page): Promise<void> {
  await loginAs(p, 'xababe');
  await p.goto(reportPath);
  await shows(p.getByRole('heading', { name: 'Báo cáo Quý I năm 2026' }));
}

describe('the report form in the browser', () => {
  it('an officer creates the default commune report for 2026-Q1; the one-stop rows are the hand-counted numbers', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await shows(p.locator('.card-list').getByRole('link', { name: 'Báo cáo', exact: true })); // the home page's card
    await mainNav(p).getByRole('link', { name: 'Báo cáo' }).click();
    await p.waitForURL('**/bao-cao');
    await shows(p.getByText('Chưa có báo cáo nào.'));

    const form = p.getByRole('form', { name: 'Lập báo cáo mới cho Xã Ba Bể' });
    await form.getByLabel('Biểu mẫu').selectOption('mac-dinh-xa');
    await form.getByLabel('Năm').selectOption('2026');
    expect(await form.getByLabel('Kỳ báo cáo').locator('option').allInnerTexts()).toEqual([
      'Quý I',
      'Quý II',
      'Quý III',
      'Quý IV',
      '6 tháng đầu năm',
      '9 tháng',
      'Cả năm',
    ]);
    await form.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý I' });
    await shows(form.getByRole('status').filter({ hasText: 'Quý I năm 2026: số liệu từ 15/12/2025 đến 14/03/2026' }));
    await screenshot(p, 'reports-create', true);
    await form.getByRole('button', { name: 'Lập báo cáo' }).click();
    await p.waitForURL(/\/bao-cao\/\d+$/);
    reportPath = new URL(p.url()).pathname;
    await shows(p.getByRole('heading', { name: 'Báo cáo Quý I năm 2026' }));
    expect(await fact(p, 'Thời gian số liệu').innerText()).toContain('Từ ngày 15/12/2025 đến ngày 14/03/2026');
    expect(await fact(p, 'Trạng thái').innerText()).toBe('Đang soạn');
    // The server numbers a new report 1 and its first computation 2.
    expect(await revision(p).innerText()).toBe('2');

    const expected: Record<string, string> = {
      r_3_4_1: '1',
      r_3_4_2: '8',
      r_3_4_2_a: '4',
      r_3_4_2_b: '3',
      r_3_4_2_b_1: '3',
      r_3_4_2_b_2: '0',
      r_3_4_2_c: '1',
      r_3_4_3: '9',
      r_3_4_4: '37,5',
      r_3_4_5: '100',
      r_3_5_1: '60',
      r_3_5_1_a: '5',
      r_3_5_1_b: '3',
      r_3_5_1_b_1: '1',
      r_3_5_1_b_2: '2',
      r_3_5_2: '2',
      r_3_5_3: '40',
      r_3_5_4: '2',
      r_3_5_4_a: '1',
      r_3_5_4_b: '1',
      r_3_5_5: '1',
      r_3_5_6: '1',
      r_3_5_7: '1',
      r_3_6_1: '50',
      r_3_6_1_a: '4',
      r_3_6_2: '40',
      r_3_6_2_a: '2',
      r_3_6_3: '50',
      r_3_6_3_a: '2',
      r_3_6_3_b: '1',
      r_3_7_1: '3',
      r_3_7_1_a: '1',
      r_3_7_1_b: '1',
      r_3_7_1_c: '1',
      r_3_7_2: '66,67',
    };
    const actual: Record<string, string> = {};
    for (const id of Object.keys(expected)) actual[id] = await shown(p, id);
    expect(actual).toEqual(expected);

    // The printed table: code, label, unit; "Trong đó" above the first part, parts indented; sources.
    const received = row(p, 'r_3_4_2');
    expect((await received.locator('td').nth(0).innerText()).trim()).toBe('3.4.2.');
    expect((await received.locator('td').nth(1).innerText()).trim()).toBe('Số hồ sơ tiếp nhận trong kỳ');
    expect((await received.locator('td').nth(2).innerText()).trim()).toBe('Hồ sơ');
    expect(await received.locator('td.report-source').innerText()).toMatch(/Tự động\s*Từ hồ sơ/);
    expect((await p.locator('#row-r_3_4_2_a').evaluate((el) => el.previousElementSibling?.textContent ?? '')).trim()).toBe('Trong đó:');
    const indentOf = (id: string) => row(p, id).locator('td.report-label').evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft));
    expect(await indentOf('r_3_4_2_b_1')).toBeGreaterThan(await indentOf('r_3_4_2_b'));
    expect(await indentOf('r_3_4_2_b')).toBeGreaterThan(await indentOf('r_3_4_2'));
    expect(await row(p, 'r_3_4_4').locator('td.report-source').innerText()).toMatch(/Công thức\s*= “Tiếp nhận trực tuyến” : 3\.4\.2 × 100/);
    expect(await row(p, 'r_1_3').locator('td.report-source').innerText()).toBe('Nhập tay');
    expect(await row(p, 'r_3_4').locator('input, select, output').count()).toBe(0); // a heading takes no value
    expect(await row(p, 'r_1_6_2').getByRole('combobox').locator('option').allInnerTexts()).toEqual([
      '— Chưa chọn —',
      'Trực tuyến (0)',
      'Phát phiếu (1)',
      'Kết hợp (2)',
      'Không phát sinh (-)',
    ]);
    // Computed from the demo's own dossiers, the report passes its checks.
    expect(await summary(p).innerText()).toBe('Không có lỗi hay cảnh báo');
    await screenshot(p, 'report-created', true);

    // The dossiers behind the online count: the register filtered to the window and the channel.
    await row(p, 'r_3_4_2_b').getByRole('link', { name: 'Xem hồ sơ' }).click();
    await p.waitForURL('**/ho-so?tu=2025-12-15&den=2026-03-14&kenh=online');
    await shows(p.locator('.result-count').filter({ hasText: 'Tìm thấy 3 hồ sơ.' }));
    const codes = (await p.getByRole('table', { name: 'Danh sách hồ sơ' }).locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim()).sort();
    expect(codes).toEqual(['Q-02', 'Q-06', 'Q-08']);
    await p.goBack();
    await row(p, 'r_3_4_2').getByRole('link', { name: 'Thống kê kỳ' }).click();
    await p.waitForURL('**/thong-ke?ky=2026-Q1');
    await shows(p.getByRole('heading', { name: 'Xã Ba Bể — Quý I năm 2026: 15/12/2025 – 14/03/2026' }));

    // Back on the list: the report with its period, template, status, window and revision.
    await p.goto('/bao-cao');
    const list = p.getByRole('table', { name: 'Danh sách báo cáo' });
    await shows(list.getByRole('cell', { name: 'Phụ lục số liệu báo cáo công tác cải cách hành chính của UBND cấp xã' }));
    const cells = (await list.getByRole('row').nth(1).getByRole('cell').allInnerTexts()).map((t) => t.trim());
    expect(cells).toEqual(['Quý I năm 2026', 'Phụ lục số liệu báo cáo công tác cải cách hành chính của UBND cấp xã', '15/12/2025 – 14/03/2026', 'Đang soạn', '2']);
    await screenshot(p, 'reports-list', true);
  });

  it('checks as the official types: a part that pushes a percent over 100, a percent over 100, a warning to justify', async () => {
    const p = await page();
    await openReport(p);
    const state = p.locator('.save-state');
    expect(await state.innerText()).toBe('Đã lưu mọi thay đổi');
    await expect.poll(() => p.getByRole('button', { name: 'Lưu nháp' }).isDisabled()).toBe(true);

    // 1.2 = done / planned × 100: 10 done out of 8 planned.
    await field(p, 'r_1_2_a').fill('8');
    await field(p, 'r_1_2_b').fill('10');
    await expect.poll(() => shown(p, 'r_1_2')).toBe('125');
    // Under its row, a finding does not repeat the row's name, and says what was found in words.
    await shows(findings(p, 'r_1_2').getByText('Tỷ lệ 125% phải nằm trong khoảng 0–100%.', { exact: true }));
    await shows(findings(p, 'r_1_2_b').getByText('Số nhiệm vụ đã hoàn thành không được lớn hơn số nhiệm vụ đề ra trong kế hoạch (10 lớn hơn 8).', { exact: true }));
    expect(await findings(p, 'r_1_2').locator('.finding-error').count()).toBe(1);
    expect(await field(p, 'r_1_2_b').getAttribute('aria-invalid')).toBe('true');
    // A percent typed by hand above 100.
    await field(p, 'r_3_2_5').fill('134');
    await shows(findings(p, 'r_3_2_5').getByText('phải nằm trong khoảng 0–100%', { exact: false }));
    await expect.poll(() => summary(p).innerText()).toBe('3 lỗi');
    expect(await p.locator('.findings-source').innerText()).toContain('chưa lưu');
    expect(await state.innerText()).toBe('Có 3 thay đổi chưa lưu');
    expect(await revision(p).innerText()).toBe('2'); // nothing sent yet
    await screenshot(p, 'report-live-errors', true);

    // The summary's links lead to the rows.
    await p.locator('.findings-list').getByRole('link', { name: 'Lỗi · 3.2.5.' }).click();
    await expect.poll(() => field(p, 'r_3_2_5').evaluate((el) => el === document.activeElement)).toBe(true);

    // Corrected: the errors go away as they are fixed; numbers are tidied the Vietnamese way.
    await field(p, 'r_1_2_b').fill('6');
    await field(p, 'r_3_2_5').fill('95,5');
    await expect.poll(() => shown(p, 'r_1_2')).toBe('75');
    await field(p, 'r_6_1_a').fill('1180000');
    await field(p, 'r_6_1_b').fill('1.003.000');
    await field(p, 'r_6_1_b').blur();
    expect(await field(p, 'r_6_1_a').inputValue()).toBe('1.180.000');
    await expect.poll(() => shown(p, 'r_6_1')).toBe('85');
    await row(p, 'r_1_6_2').getByRole('combobox').selectOption({ label: 'Phát phiếu (1)' });
    // More one-stop procedures than procedures in force: a warning, which takes a justification.
    await field(p, 'r_3_1_3').fill('100');
    await field(p, 'r_3_2_1').fill('120');
    await shows(findings(p, 'r_3_2_1').getByText('Số TTHC thực hiện theo cơ chế một cửa lớn hơn tổng số TTHC đang có hiệu lực (3.1.3) (120 lớn hơn 100).', { exact: false }));
    await expect.poll(() => summary(p).innerText()).toBe('1 cảnh báo');
    await findings(p, 'r_3_2_1').getByLabel('Lời giải trình').fill('Có 20 TTHC liên thông từ cấp tỉnh thực hiện tại xã.');
    await row(p, 'r_3_2_1').scrollIntoViewIfNeeded();
    await screenshot(p, 'report-live-warning');

    await p.getByRole('button', { name: 'Lưu nháp' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã lưu bản nháp (phiên bản 3).' }));
    expect(await revision(p).innerText()).toBe('3');
    expect(await state.innerText()).toBe('Đã lưu mọi thay đổi');
    expect(await summary(p).innerText()).toBe('1 cảnh báo');
    expect(await p.locator('.findings-source').innerText()).toContain('máy chủ');
  });

  it('a computed row is overridden only with a reason, and shows what the system computed', async () => {
    const p = await page();
    await openReport(p);
    expect(await field(p, 'r_1_2_a').inputValue()).toBe('8');

    await row(p, 'r_3_4_4').getByRole('button', { name: 'Sửa' }).click();
    const value = row(p, 'r_3_4_4').getByLabel(/^Số liệu sửa:/);
    expect(await value.inputValue()).toBe('37,5');
    await value.fill('40');
    await shows(row(p, 'r_3_4_4').getByText('Hệ thống tính: 37,5'));
    await shows(row(p, 'r_3_4_4').getByText('Cần ghi lý do sửa số liệu tự động.'));
    // Live: the override no longer matches its parts.
    await shows(findings(p, 'r_3_4_4').getByText('ghi 40% nhưng tính từ số liệu thành phần được 37,5% (3/8)', { exact: false }));
    await p.getByRole('button', { name: 'Lưu nháp' }).click();
    await shows(p.getByRole('alert').filter({ hasText: 'Dòng 3.4.4. được tính tự động; sửa số liệu cần ghi lý do.' }));
    expect(await revision(p).innerText()).toBe('3');
    await screenshot(p, 'report-override-refused');

    await row(p, 'r_3_4_4').getByLabel(/^Lý do sửa:/).fill('Đối chiếu với Cổng dịch vụ công của tỉnh');
    await p.getByRole('button', { name: 'Lưu nháp' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã lưu bản nháp (phiên bản 4).' }));
    expect(await shown(p, 'r_3_4_4')).toBe('40');
    await shows(row(p, 'r_3_4_4').getByText('Hệ thống tính: 37,5'));
    await shows(row(p, 'r_3_4_4').getByText('Lý do: Đối chiếu với Cổng dịch vụ công của tỉnh'));
    await shows(row(p, 'r_3_4_4').getByRole('button', { name: 'Bỏ sửa' }));
    expect(await row(p, 'r_3_4_4').locator('td.report-source').innerText()).toMatch(/Đã sửa/);
    expect(await summary(p).innerText()).toBe('1 lỗi, 1 cảnh báo');
    await screenshot(p, 'report-overridden', true);
    await row(p, 'r_3_4_4').scrollIntoViewIfNeeded();
    await screenshot(p, 'report-overridden-row');
  });

  it('a reload shows what was saved; recomputing after a new export keeps entered values and overrides', async () => {
    const p = await page();
    await openReport(p);
    expect(await revision(p).innerText()).toBe('4');
    expect(await field(p, 'r_1_2_a').inputValue()).toBe('8');
    expect(await field(p, 'r_1_2_b').inputValue()).toBe('6');
    expect(await shown(p, 'r_1_2')).toBe('75');
    expect(await field(p, 'r_3_2_5').inputValue()).toBe('95,5');
    expect(await field(p, 'r_6_1_a').inputValue()).toBe('1.180.000');
    expect(await row(p, 'r_1_6_2').getByRole('combobox').inputValue()).toBe('1');
    expect(await findings(p, 'r_3_2_1').getByLabel('Lời giải trình').inputValue()).toBe('Có 20 TTHC liên thông từ cấp tỉnh thực hiện tại xã.');
    expect(await shown(p, 'r_3_4_4')).toBe('40');
    await shows(row(p, 'r_3_4_4').getByText('Hệ thống tính: 37,5'));

    writeFileSync(join(dir, 'ho-so-bo-sung.csv'), LATER_DOSSIERS);
    expect(await importDossiers(browserSession.server.store, { path: join(dir, 'ho-so-bo-sung.csv'), source: 'e2e', actor: null })).toMatchObject({ inserted: 1 });
    await p.getByRole('button', { name: 'Tính lại từ hồ sơ' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã tính lại số liệu từ hồ sơ (phiên bản 5).' }));
    expect(await shown(p, 'r_3_4_2')).toBe('9');
    expect(await shown(p, 'r_3_4_2_a')).toBe('5');
    expect(await shown(p, 'r_3_4_4')).toBe('40');
    await shows(row(p, 'r_3_4_4').getByText('Hệ thống tính: 33,33'));
    expect(await field(p, 'r_1_2_a').inputValue()).toBe('8');

    // "Bỏ sửa": back to the computed value.
    await row(p, 'r_3_4_4').getByRole('button', { name: 'Bỏ sửa' }).click();
    await shows(row(p, 'r_3_4_4').getByText('Sẽ trở về số hệ thống tính khi lưu.'));
    await p.getByRole('button', { name: 'Lưu nháp' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã lưu bản nháp (phiên bản 6).' }));
    expect(await shown(p, 'r_3_4_4')).toBe('33,33');
    expect(await row(p, 'r_3_4_4').getByText(/Hệ thống tính/).count()).toBe(0);
    expect(await summary(p).innerText()).toBe('1 cảnh báo');

    await p.reload();
    await shows(p.getByRole('heading', { name: 'Báo cáo Quý I năm 2026' }));
    expect(await revision(p).innerText()).toBe('6');
    expect(await shown(p, 'r_3_4_4')).toBe('33,33');
    await screenshot(p, 'report-after-recompute', true);
  });

  it('a reviewer of the province sees the commune report in the list with its unit, and reads it', async () => {
    const p = await page();
    await loginAs(p, 'sonoivu');
    await p.goto('/bao-cao');
    const list = p.getByRole('table', { name: 'Danh sách báo cáo' });
    await shows(list.getByRole('cell', { name: 'Xã Ba Bể' }));
    expect(await list.getByRole('columnheader').allInnerTexts()).toEqual(['Kỳ báo cáo', 'Đơn vị', 'Biểu mẫu', 'Thời gian số liệu', 'Trạng thái', 'Phiên bản']);
    // The province itself has no template: a commune must be chosen first.
    await shows(p.getByText('Chưa có biểu mẫu báo cáo nào dành cho cấp tỉnh (Tỉnh Thái Nguyên). Hãy chọn một đơn vị cấp xã.'));
    await list.getByRole('link', { name: 'Quý I năm 2026' }).click();
    await shows(p.getByRole('heading', { name: 'Báo cáo Quý I năm 2026' }));
    expect(await shown(p, 'r_3_4_2')).toBe('9');
    // The dossiers behind a number are the commune's, not the reviewer's whole province.
    const href = await row(p, 'r_3_4_2').getByRole('link', { name: 'Xem hồ sơ' }).getAttribute('href');
    expect(href).toMatch(/^\/ho-so\?donVi=\d+&tu=2025-12-15&den=2026-03-14$/);
    await row(p, 'r_3_4_2').getByRole('link', { name: 'Xem hồ sơ' }).click();
    await shows(p.locator('.result-count').filter({ hasText: 'Tìm thấy 9 hồ sơ.' }));
    await shows(p.getByRole('group', { name: 'Đơn vị đã chọn' }).getByText('Xã Ba Bể'));
  });
});
