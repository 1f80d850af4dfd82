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
 * The demo province (Thái Nguyên, 92 communes) with generated dossiers from 01/07/2025 to
 * 14/03/2026, the end of Q1/2026's window under Decree 09/2019; the provincial reviewer reads the
 * dashboard for Q1/2026, sees the three dossier charts and downloads a picture and the numbers.
 */
const dir = mkdtempSync(join(tmpdir(), 'cchc-e2e-dashboard-'));
const browserSession = useBrowserSession(
  async (server) => {
    const province = await server.store.units.findByCodeOn('19', '2026-01-01');
    if (!province) throw new Error('demo province 19 missing');
    await generateDemoDossiers(server.store, { unit: province, count: 3000, from: '2025-07-01', to: '2026-03-14', seed: 7 });
  },
  () => rmSync(dir, { recursive: true, force: true }),
);

const card = (p: Page, title: string) => p.getByRole('region', { name: title, exact: true });

/** The chart of a card is drawn: a canvas, and ECharts' description of it (aria-label) names what it shows. */
async function drawn(region: Locator, words: string): Promise<string> {
  await shows(region.locator('.echart canvas'));
  await expect.poll(() => region.locator('.echart').getAttribute('aria-label')).toContain(words);
  return (await region.locator('.echart').getAttribute('aria-label'))!;
}

async function download(p: Page, region: Locator, button: string, name: string): Promise<{ file: string; suggested: string }> {
  const [file] = await Promise.all([p.waitForEvent('download'), region.getByRole(button === 'Tải ảnh PNG' ? 'button' : 'link', { name: button }).click()]);
  const path = join(dir, name);
  await file.saveAs(path);
  return { file: path, suggested: file.suggestedFilename() };
}

describe('dashboard in the browser', () => {
  it('the provincial reviewer sees the trend, the distribution and the ranking of the communes, and downloads PNG and XLSX', async () => {
    const p = await browserSession.page({ width: 1400, height: 1000 });
    await loginAs(p, 'sonoivu');
    await p.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Bảng điều khiển' }).click();
    await p.waitForURL('**/bang-dieu-khien');
    await shows(p.getByRole('heading', { name: 'Bảng điều khiển', level: 1 }));
    await p.getByLabel('Loại kỳ').selectOption({ label: 'Quý' });
    await p.getByLabel('Năm', { exact: true }).selectOption('2026');
    await p.getByLabel('Kỳ', { exact: true }).selectOption({ label: 'Quý I' });
    await p.waitForURL(/ky=2026-Q1/);

    const trend = card(p, 'Xu hướng các tỷ lệ chính');
    const trendWords = await drawn(trend, 'Biểu đồ đường "Xu hướng các tỷ lệ chính" của Tỉnh Thái Nguyên');
    for (const series of ['Tỷ lệ giải quyết đúng hạn', 'Tỷ lệ tiếp nhận trực tuyến', 'Tỷ lệ số hóa hồ sơ', 'Tỷ lệ thanh toán trực tuyến']) {
      expect(trendWords).toContain(series);
    }
    const ranking = card(p, 'Xếp hạng các đơn vị trực thuộc');
    const rankingWords = await drawn(ranking, '"Xếp hạng theo tỷ lệ giải quyết đúng hạn" của 92 đơn vị trực thuộc Tỉnh Thái Nguyên, Quý I năm 2026');
    const distribution = card(p, 'Phân bố tỷ lệ của các đơn vị trực thuộc');
    await drawn(distribution, '"Phân bố tỷ lệ giải quyết đúng hạn" của 92 đơn vị trực thuộc Tỉnh Thái Nguyên');
    await shows(ranking.getByText('Các đơn vị trực thuộc trực tiếp còn hiệu lực ngày 14/03/2026'));

    // What the charts draw is what the API says: every commune of the province, best first.
    const api = (await fetchInPage(p, `/api/dashboard/trend?unitId=${await ownUnitId(p)}&kind=quarter&periodId=2026-Q1`)).body as {
      points: Array<{ id: string; received: number; rates: { on_time_pct: { value: number | null } } }>;
    };
    expect(api.points.map((pt) => pt.id)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1']);
    expect(api.points.at(-1)!.received).toBeGreaterThan(500);
    const rankingApi = (await fetchInPage(p, `/api/dashboard/ranking?unitId=${await ownUnitId(p)}&periodId=2026-Q1`)).body as {
      items: Array<{ rank: number | null; unit: { name: string }; rate: { value: number | null; numerator: number; denominator: number } }>;
    };
    expect(rankingApi.items.length).toBe(92);
    const values = rankingApi.items.map((i) => i.rate.value).filter((v): v is number => v !== null);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    // The chart's words name the best commune with its rate in Vietnamese numbers.
    const best = rankingApi.items[0]!;
    expect(rankingWords).toContain(`1. ${best.unit.name} ${String(best.rate.value).replace('.', ',')}% (${best.rate.numerator}/${best.rate.denominator})`);
    await screenshot(p, 'dashboard-page', true);
    await screenshot(p, 'dashboard-top');

    // The trend as a picture: a PNG file.
    const png = await download(p, trend, 'Tải ảnh PNG', 'trend.png');
    expect(png.suggested).toMatch(/^xu-huong-tinh-thai-nguyen-2026-Q1\.png$/);
    expect([...readFileSync(png.file).subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

    // The ranking as numbers: the same communes in the same order, rates as numbers.
    const xlsx = await download(p, ranking, 'Tải dữ liệu XLSX', 'ranking.xlsx');
    expect(xlsx.suggested).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(xlsx.file) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(5).getCell(1).value).toBe('Hạng');
    expect(sheet.getRow(5).getCell(4).value).toBe('Tỷ lệ giải quyết đúng hạn');
    expect(sheet.getRow(6).getCell(1).value).toBe(1);
    expect(sheet.getRow(6).getCell(3).value).toBe(best.unit.name);
    expect(sheet.getRow(6).getCell(4).value).toBeCloseTo(best.rate.numerator / best.rate.denominator, 10);
    expect(sheet.getRow(6).getCell(6).value).toBe(best.rate.denominator);
    expect(sheet.getRow(6).getCell(4).numFmt).toBe('0.00%');

    // Another rate re-ranks both unit charts.
    await p.getByLabel('Chỉ tiêu xếp hạng, phân bố').selectOption({ label: 'Tỷ lệ tiếp nhận trực tuyến' });
    await drawn(ranking, '"Xếp hạng theo tỷ lệ tiếp nhận trực tuyến"');
    await drawn(distribution, '"Phân bố tỷ lệ tiếp nhận trực tuyến"');
  });

  it('an officer sees its own commune’s trend, and nothing about units below it (a commune has none)', async () => {
    const p = await browserSession.page();
    await loginAs(p, 'xababe');
    await p.goto('/bang-dieu-khien?loai=month&ky=2026-M02');
    const trend = card(p, 'Xu hướng các tỷ lệ chính');
    await drawn(trend, 'Biểu đồ đường "Xu hướng các tỷ lệ chính" của Xã Ba Bể, Tháng 3 năm 2025 – Tháng 2 năm 2026.');
    expect(await p.getByRole('heading', { name: /Xếp hạng|Phân bố/ }).count()).toBe(0);
    expect(await p.getByRole('main').innerHTML()).not.toContain('trực thuộc');
    // Another unit's numbers are refused by the server, whatever the page asks.
    const found = (await fetchInPage(p, '/api/units?q=cho%20don&asOf=2026-01-01')).body as { units: Array<{ id: number; name: string }> };
    const other = found.units.find((u) => u.name === 'Xã Chợ Đồn')!;
    expect((await fetchInPage(p, `/api/dashboard/trend?unitId=${other.id}`)).status).toBe(403);
  });
});

async function ownUnitId(p: Page): Promise<number> {
  const session = (await fetchInPage(p, '/api/auth/session')).body as { user: { unit: { id: number } } };
  return session.user.unit.id;
}
