import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fetchInPage, loginAs, screenshot, shows, submitLogin } from './support/browser';
import { useBrowserSession } from './support/session';

const FORBIDDEN = 'Bạn không có quyền truy cập dữ liệu của đơn vị này.';

interface UnitJson {
  id: number;
  code: string;
  name: string;
  level: string;
  validTo: string | null;
}

const browserSession = useBrowserSession();
const page = (viewport?: { width: number; height: number }) => browserSession.page(viewport);

const detailsPanel = (p: Page) => p.getByRole('region', { name: 'Thông tin đơn vị' });

describe('units directory in the browser', () => {
  it('an officer sees its unit in the header, browses the Thái Nguyên tree, and is refused a neighbour', async () => {
    const p = await page();
    await p.goto('/');
    await p.waitForURL('**/dang-nhap');
    await screenshot(p, 'login-page');
    await submitLogin(p, 'xababe');
    await p.waitForURL((url) => url.pathname === '/');

    const header = p.getByRole('banner');
    await shows(header.getByText('Hoàng Văn Một (UBND xã Ba Bể, demo)'));
    await shows(header.getByText('Cán bộ báo cáo · Xã Ba Bể'));

    await p.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await p.waitForURL('**/don-vi');
    const tree = p.getByRole('list', { name: 'Cây đơn vị hành chính' });
    await shows(tree.getByRole('button', { name: /Tỉnh Thái Nguyên/ }));
    const communes = p.getByRole('list', { name: 'Các đơn vị thuộc Tỉnh Thái Nguyên' });
    await shows(communes.getByRole('button', { name: /Xã Ba Bể/ }));
    expect(await communes.getByRole('button').count()).toBe(92);
    await shows(p.getByRole('link', { name: 'Đơn vị của tôi: Xã Ba Bể' }));

    // A neighbouring commune: the directory lists it, its own page is refused with the server's message.
    await communes.getByRole('button', { name: /Xã Chợ Đồn/ }).click();
    await shows(detailsPanel(p).getByRole('alert').filter({ hasText: FORBIDDEN }));

    // Its own unit opens, with its account.
    await p.getByRole('link', { name: 'Đơn vị của tôi: Xã Ba Bể' }).click();
    await shows(detailsPanel(p).getByRole('cell', { name: 'xababe' }));
    await shows(detailsPanel(p).getByText('01/07/2025'));
    await screenshot(p, 'units-page-officer');

    // The guard is on the server: the same call from the page's own fetch is refused.
    const search = await fetchInPage(p, '/api/units?q=cho%20don&asOf=2026-01-01');
    const choDon = (search.body as { units: UnitJson[] }).units.find((u) => u.code === '02020');
    expect(choDon?.name).toBe('Xã Chợ Đồn');
    const refused = await fetchInPage(p, `/api/units/${choDon!.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ error: { code: 'forbidden', message: FORBIDDEN } });
  });

  it("a reviewer opens a commune's details with its accounts and reads the province subtree", async () => {
    const p = await page();
    await loginAs(p, 'sonoivu');
    await p.goto('/don-vi');
    await p.getByLabel('Tìm đơn vị theo tên').fill('cho don');
    const results = p.getByRole('list', { name: 'Kết quả tìm kiếm' });
    await results.getByRole('button', { name: /Xã Chợ Đồn/ }).click();
    const panel = detailsPanel(p);
    await shows(panel.getByRole('heading', { name: 'Xã Chợ Đồn' }));
    await shows(panel.getByRole('cell', { name: 'xachodon' }));
    await shows(panel.getByRole('cell', { name: 'Lường Thị Hai (UBND xã Chợ Đồn, demo)' }));
    await shows(panel.getByRole('navigation', { name: 'Đơn vị cấp trên' }).getByRole('button', { name: 'Tỉnh Thái Nguyên' }));
    expect(new URL(p.url()).pathname).toMatch(/^\/don-vi\/\d+$/);
    await screenshot(p, 'units-page-reviewer');

    // A deep link reloads to the same unit (the server falls back to the SPA).
    await p.reload();
    await shows(detailsPanel(p).getByRole('cell', { name: 'xachodon' }));

    const session = await fetchInPage(p, '/api/auth/session');
    const province = (session.body as { user: { province: UnitJson } }).user.province;
    const subtree = await fetchInPage(p, `/api/units/${province.id}/subtree`);
    expect(subtree.status).toBe(200);
    const units = (subtree.body as { units: UnitJson[] }).units;
    expect(units).toHaveLength(93);
    expect(units[0]).toMatchObject({ id: province.id, code: '19', level: 'province' });
    expect(units.filter((u) => u.level === 'commune')).toHaveLength(92);
  });

  it('finds "Xã Thịnh Đức" from "thinh duc" before 01/07/2025, nationwide', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await p.goto('/don-vi');
    const searchBox = p.getByLabel('Tìm đơn vị theo tên');
    const results = p.getByRole('list', { name: 'Kết quả tìm kiếm' });
    const resultCount = p.locator('.result-count');

    // Today's directory has no Thịnh Đức any more.
    await searchBox.fill('thinh duc');
    await shows(resultCount.filter({ hasText: 'Không tìm thấy đơn vị nào khớp với “thinh duc”.' }));

    // Before the reform it existed; the typed search survives the change of era.
    await p.getByLabel('Trước 01/07/2025 (3 cấp)').check();
    await p.waitForURL('**/don-vi?ky=truoc-sap-xep');
    await shows(results.getByRole('button', { name: /Xã Thịnh Đức/ }));

    // By default the search stays in the province; "toàn quốc" lifts that.
    await searchBox.fill('phuc xa');
    await shows(resultCount.filter({ hasText: 'Không tìm thấy đơn vị nào khớp với “phuc xa”.' }));
    await p.getByLabel('Tìm trên toàn quốc').check();
    await shows(results.getByRole('button', { name: /Phường Phúc Xá/ }));

    await searchBox.fill('thinh duc');
    const hit = results.getByRole('button', { name: /Xã Thịnh Đức/ });
    await shows(hit);
    expect(await hit.first().textContent()).toContain('05497');
    await screenshot(p, 'units-search-before-reform');

    // The old three-level tree: a district level appears under the province.
    await searchBox.fill('');
    await shows(p.getByRole('list', { name: 'Các đơn vị thuộc Tỉnh Thái Nguyên' }).getByText('Cấp huyện'));

    // Same page on a narrow laptop.
    const narrowPage = await browserSession.page({ width: 820, height: 900 });
    await loginAs(narrowPage, 'xababe');
    await narrowPage.goto('/don-vi');
    await narrowPage.getByRole('link', { name: 'Đơn vị của tôi: Xã Ba Bể' }).click();
    await shows(detailsPanel(narrowPage).getByRole('cell', { name: 'xababe' }));
    await screenshot(narrowPage, 'units-page-narrow');
  });
});
