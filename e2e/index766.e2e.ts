import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateDemoDossiers } from '../src/services/demo/seed-demo-dossiers';
import { fetchInPage, loginAs, screenshot, shows } from './support/browser';
import { useBrowserSession } from './support/session';

/*
 * The demo province (Thái Nguyên, 92 communes) with generated dossiers from 01/08/2026 to
 * 31/10/2026; the provincial reviewer opens "Chỉ số 766" for October 2026, sees the score and its
 * six groups, opens the dossiers behind the progress sub-indicator, downloads them, the trend
 * picture and the ranking; an officer enters the numbers the dossiers cannot give.
 */
const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-index766-'));
const browserSession = useBrowserSession(
  async (server) => {
    const province = await server.store.units.findByCodeOn('19', '2026-10-01');
    if (!province) throw new Error('demo province 19 missing');
    await generateDemoDossiers(server.store, { unit: province, count: 2500, from: '2026-08-01', to: '2026-10-31', seed: 11 });
  },
  () => rmSync(dir, { recursive: true, force: true }),
);

const card = (p: Page, title: string) => p.getByRole('region', { name: title, exact: true });

async function download(p: Page, trigger: Locator, name: string): Promise<{ file: string; suggested: string }> {
  const [file] = await Promise.all([p.waitForEvent('download'), trigger.click()]);
  const path = join(dir, name);
  await file.saveAs(path);
  return { file: path, suggested: file.suggestedFilename() };
}

interface ApiIndex {
  score: { total: number | null; groups: Array<{ name: string; indicators: Array<{ id: string; name: string; numerator: number; denominator: number }> }> };
  children: Array<{ rank: number | null; unit: { name: string }; total: number | null }>;
}

async function ownUnitId(p: Page): Promise<number> {
  return ((await fetchInPage(p, '/api/auth/session')).body as { user: { unit: { id: number } } }).user.unit.id;
}

describe('Chỉ số 766 in the browser', () => {
  it('the provincial reviewer reads the score, opens the dossiers that cost points, and downloads them, the trend and the ranking', async () => {
    const p = await browserSession.page({ width: 1400, height: 1000 });
    await loginAs(p, 'sonoivu');
    await p.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Chỉ số 766' }).click();
    await p.waitForURL('**/chi-so-766');
    await shows(p.getByRole('heading', { name: 'Chỉ số 766', level: 1 }));
    await p.getByLabel('Tháng', { exact: true }).selectOption({ label: 'Tháng 10/2026' });
    await p.waitForURL(/ky=2026-M10/);

    const api = (await fetchInPage(p, `/api/index766?unitId=${await ownUnitId(p)}&periodId=2026-M10`)).body as ApiIndex;
    expect(api.score.groups.map((g) => g.name)).toEqual(['Công khai, minh bạch', 'Tiến độ, kết quả giải quyết', 'Dịch vụ công trực tuyến', 'Thanh toán trực tuyến', 'Số hóa hồ sơ', 'Mức độ hài lòng']);
    expect(api.children).toHaveLength(92);
    const total = p.getByLabel('Tổng điểm');
    await shows(total.getByText('/100 điểm — Tỉnh Thái Nguyên, Tháng 10 năm 2026'));
    expect(await total.locator('.index766-total').innerText()).toBe(String(api.score.total).replace('.', ','));
    for (const name of api.score.groups.map((g) => g.name)) await shows(p.getByLabel('Điểm theo nhóm').getByText(name));

    // The progress sub-indicator: its row opens the dossiers behind the points lost.
    const progress = api.score.groups[1]!.indicators[0]!;
    const lost = progress.denominator - progress.numerator;
    expect(lost).toBeGreaterThan(0);
    const table = p.getByRole('table', { name: 'Điểm bị mất theo chỉ số thành phần' });
    const row = table.getByRole('row').filter({ hasText: progress.name });
    await row.getByRole('button', { name: 'Xem hồ sơ' }).click();
    const dossiers = p.getByRole('table', { name: `Hồ sơ làm mất điểm: ${progress.name}` });
    await shows(dossiers);
    await shows(p.getByText(`${lost.toLocaleString('vi-VN')} hồ sơ làm mất điểm`));
    expect(await dossiers.locator('tbody tr').count()).toBe(Math.min(lost, 200));
    expect(await dossiers.locator('tbody tr').first().innerText()).toMatch(/quá hạn|sau ngày hẹn trả|yêu cầu bổ sung/);
    await screenshot(p, 'index766-page', true);

    const xlsx = await download(p, p.getByRole('link', { name: 'Tải danh sách XLSX' }), 'against.xlsx');
    expect(xlsx.suggested).toBe('chi-so-766-19-2026-M10-tien-do.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx.file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(5).getCell(2).value).toBe('Mã hồ sơ');
    expect(sheet.rowCount - 5).toBe(lost);

    // The trend as a picture, the ranking as numbers.
    const trend = card(p, 'Xu hướng 12 tháng');
    await shows(trend.locator('.echart canvas'));
    const png = await download(p, trend.getByRole('button', { name: 'Tải ảnh PNG' }), 'trend.png');
    expect([...readFileSync(png.file).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    const ranking = card(p, 'Xếp hạng các đơn vị trực thuộc');
    const rankingRows = ranking.getByRole('table', { name: 'Xếp hạng các đơn vị trực thuộc' }).locator('tbody tr');
    expect(await rankingRows.count()).toBe(92);
    expect(await rankingRows.first().innerText()).toContain(api.children[0]!.unit.name);
    const rankingFile = await download(p, ranking.getByRole('button', { name: 'Tải dữ liệu XLSX' }), 'ranking.xlsx');
    expect(rankingFile.suggested).toMatch(/^chi-so-766-xep-hang-.*\.xlsx$/);

    // A commune of the ranking opens its own score.
    await rankingRows.first().getByRole('button').click();
    await p.waitForURL(/donVi=\d+/);
    await shows(total.getByText(`/100 điểm — ${api.children[0]!.unit.name}`));
  });

  it("an officer enters its commune's manual inputs and sees the sub-indicator scored; another commune's score is refused", async () => {
    const p = await browserSession.page({ width: 1366, height: 1000 });
    await loginAs(p, 'xababe');
    await p.goto('/chi-so-766?ky=2026-M10');
    await shows(p.getByRole('heading', { name: 'Số liệu nhập tay tháng 10/2026' }));
    const form = p.getByRole('form', { name: 'Số liệu nhập tay' });
    await form.getByLabel('Tổng số phản ánh, kiến nghị thuộc thẩm quyền tiếp nhận, xử lý').fill('4');
    await form.getByLabel('Số phản ánh, kiến nghị xử lý đúng hoặc trước hạn').fill('3');
    await form.getByRole('button', { name: 'Lưu số liệu nhập tay' }).click();
    await shows(p.getByText('Đã lưu số liệu nhập tay.'));
    const row = p.getByRole('table', { name: 'Điểm bị mất theo chỉ số thành phần' }).getByRole('row').filter({ hasText: 'Tỷ lệ phản ánh, kiến nghị xử lý đúng hạn' });
    await shows(row.getByText('3/4'));
    await shows(row.getByText('4,5/6'));

    await form.getByLabel('Số phản ánh, kiến nghị xử lý đúng hoặc trước hạn').fill('-2');
    await form.getByRole('button', { name: 'Lưu số liệu nhập tay' }).click();
    await shows(p.getByRole('alert').getByText(/nhập số nguyên từ 0 đến 10\.000\.000/));

    const found = (await fetchInPage(p, '/api/units?q=cho%20don&asOf=2026-10-01')).body as { units: Array<{ id: number; name: string }> };
    const other = found.units.find((u) => u.name === 'Xã Chợ Đồn')!;
    expect((await fetchInPage(p, `/api/index766?unitId=${other.id}&periodId=2026-M10`)).status).toBe(403);
  });
});
