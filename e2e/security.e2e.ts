import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateDemoDossiers } from '../src/services/demo/seed-demo-dossiers';
import { importUnits } from '../src/services/units/import-units';
import { loginAs, shows } from './support/browser';
import { useBrowserSession } from './support/session';

/*
 * Issue #17, defects 4 and 13 in a real browser: the pages the officials use run under the
 * Content-Security-Policy without a single violation, and a unit whose imported name is markup
 * shows that markup as text in the dashboard's ranking tooltip — no element is made of it, no
 * script runs.
 */

const HOSTILE = '<img src=x onerror="window.__xss=1">';
let renamedCode = '';

const session = useBrowserSession(async (server) => {
  const province = await server.store.units.findByCodeOn('19', '2026-01-01');
  if (!province) throw new Error('demo province 19 missing');
  await generateDemoDossiers(server.store, { unit: province, count: 1500, from: '2026-01-01', to: '2026-03-14', seed: 11 });
  // The unit list re-imported as `cchc units import` does, with one commune renamed to markup.
  const commune = (await server.store.units.children(province.id, '2026-01-01'))[0]!;
  renamedCode = commune.code;
  const csv = `Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến\n${commune.code},"${HOSTILE.replace(/"/g, '""')}",Xã,19,${commune.validFrom},\n`;
  const result = await importUnits(server.store, { file: 'don-vi.csv', text: csv });
  if (result.updated !== 1) throw new Error(`the renaming import changed ${result.updated} units`);
});

/** Records every CSP violation the page reports (the event, and Chromium's console line). */
async function watchCsp(p: Page): Promise<string[]> {
  const violations: string[] = [];
  p.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await p.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      list.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

const pageViolations = (p: Page) => p.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

describe('Content-Security-Policy and stored markup in the browser', () => {
  it('the main pages run under the CSP without a violation', async () => {
    const p = await session.page({ width: 1400, height: 1000 });
    const violations = await watchCsp(p);
    await loginAs(p, 'admin');
    const pages: Array<[string, string]> = [
      ['/', 'h1'],
      ['/bang-dieu-khien?ky=2026-Q1', '.echart canvas'],
      ['/ho-so', 'h1'],
      ['/thong-ke', 'h1'],
      ['/bao-cao', 'h1'],
      ['/tinh-hinh-nop', 'h1'],
      ['/tong-hop', 'h1'],
      ['/lich', 'h1'],
      ['/don-vi', 'h1'],
      ['/tai-khoan', 'h1'],
      ['/nhat-ky', 'h1'],
      ['/nhap-ho-so', 'h1'],
      ['/chi-so-766', 'h1'],
      ['/danh-muc-so', 'h1'],
    ];
    for (const [path, ready] of pages) {
      await p.goto(path);
      await shows(p.locator(ready));
      await p.waitForLoadState('networkidle');
      expect({ path, violations: await pageViolations(p) }).toEqual({ path, violations: [] });
    }
    // A report with its rich-text editor (its own chunk), as the commune officer fills it.
    const officer = await session.page({ width: 1400, height: 1000 });
    const officerViolations = await watchCsp(officer);
    await loginAs(officer, 'xababe');
    await officer.goto('/bao-cao');
    const form = officer.getByRole('form', { name: 'Lập báo cáo mới cho Xã Ba Bể' });
    await form.getByLabel('Biểu mẫu').selectOption('mac-dinh-xa');
    await form.getByLabel('Năm').selectOption('2026');
    await form.getByLabel('Kỳ báo cáo').selectOption({ label: 'Quý III' });
    await form.getByRole('button', { name: 'Lập báo cáo' }).click();
    await officer.waitForURL(/\/bao-cao\/\d+$/);
    const editor = officer.locator('.narrative-editor-content').first();
    await shows(editor);
    await editor.fill('Nội dung thử.');
    await officer.waitForLoadState('networkidle');
    expect(await pageViolations(officer)).toEqual([]);
    expect(officerViolations).toEqual([]);
    expect(violations).toEqual([]);
  });

  it('a unit named with markup shows as text in the ranking tooltip; nothing runs', async () => {
    // Tall enough for all 92 bars without scrolling.
    const p = await session.page({ width: 1400, height: 2700 });
    const violations = await watchCsp(p);
    await loginAs(p, 'sonoivu');
    await p.goto('/bang-dieu-khien?ky=2026-Q1');
    const ranking = p.getByRole('region', { name: 'Xếp hạng các đơn vị trực thuộc', exact: true });
    const chart = ranking.locator('.echart');
    await shows(chart.locator('canvas'));
    await expect.poll(() => chart.getAttribute('aria-label')).toContain('Xếp hạng theo');

    // Sweep the bars until the renamed unit's tooltip shows.
    const box = (await chart.boundingBox())!;
    const tooltip = chart.locator('div').filter({ hasText: HOSTILE }).last();
    let found = false;
    for (let y = box.y + 75; y < box.y + box.height - 20 && !found; y += 6) {
      await p.mouse.move(box.x + box.width * 0.4, y);
      found = await tooltip.isVisible().catch(() => false);
    }
    expect(found, `no tooltip naming unit ${renamedCode} appeared`).toBe(true);
    expect(await tooltip.innerText()).toContain(HOSTILE);
    expect(await chart.locator('img').count()).toBe(0);
    expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(violations).toEqual([]);
  });
});
