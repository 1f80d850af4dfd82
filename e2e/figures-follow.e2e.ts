import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { generateDemoDossiers } from '../src/services/demo/seed-demo-dossiers';
import { computeReport, updateReportValues } from '../src/services/reports/compute-report';
import { transitionReport } from '../src/services/reports/report-workflow';
import type { SessionUser } from '../src/services/auth/session-user';
import { loginAs, screenshot, shows } from './support/browser';
import { reportFile } from './support/report-file';
import { useBrowserSession } from './support/session';
import { importReportFile } from '../src/services/reports/import-report-file';

/*
 * A report that cannot contradict itself or its dossiers (#11 items 4 and 5), on the demo:
 *  - Xã Ba Bể corrects "received in the period" (N → N+1, with a reason): the DOCX downloaded from
 *    the report page prints N+1 in the generated paragraph of II.2 and in the appendix row 3.4.2;
 *  - three dossiers of the quarter are imported after Xã Ba Bể's 2026-Q1 report was approved: the
 *    reviewer's "Việc cần làm" and the report page say "3.4.2. Số hồ sơ tiếp nhận trong kỳ: N → N+3";
 *    once reopened, the officer's "Tính lại" takes the new figures and the notice goes.
 */

const T = 'mac-dinh-xa';
const RECEIVED = 'r_3_4_2';
let officer: SessionUser;
let reviewer: SessionUser;

const session = useBrowserSession(async (server) => {
  const as = async (username: string): Promise<SessionUser> => {
    const user = (await server.store.users.findByUsername(username))!;
    return { id: user.id, username, displayName: user.displayName, role: user.role, unit: (await server.store.units.findById(user.unitId))! };
  };
  [officer, reviewer] = await Promise.all([as('xababe'), as('sonoivu')]);
});

const paragraphsOf = (xml: string): string[] =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
const tableRowsOf = (xml: string): string[][] =>
  [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((row) =>
    [...row[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => [...cell[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );

describe('text and figures that follow the dossiers, in the browser', () => {
  it('a corrected figure is printed the same in the paragraph and in the appendix of the downloaded DOCX', async () => {
    const store = session.server.store;
    await generateDemoDossiers(store, { unit: officer.unit, count: 6, from: '2025-09-20', to: '2025-12-10', seed: 4141 });
    const view = await computeReport(store, officer, { unitId: officer.unit.id, templateId: T, periodId: '2025-Q4' });
    const computed = view.values.get(RECEIVED)!.value as number;
    expect(computed).toBeGreaterThan(0);
    await updateReportValues(store, officer, view.report.id, { changes: [{ rowId: RECEIVED, value: computed + 1, reason: 'Một hồ sơ nhận qua bưu chính chưa nhập phần mềm.' }] });

    const p = await session.page();
    await loginAs(p, 'xababe');
    await p.goto(`${session.server.baseUrl}/bao-cao/${view.report.id}`);
    const panel = p.getByRole('region', { name: 'Văn bản báo cáo' });
    const printed = (computed + 1).toLocaleString('vi-VN');
    await shows(panel.locator('.generated-text').filter({ hasText: `tiếp nhận ${printed} hồ sơ thủ tục hành chính` }));
    const [download] = await Promise.all([p.waitForEvent('download'), panel.getByRole('link', { name: 'Tải DOCX' }).click()]);
    const xml = await (await JSZip.loadAsync(await readFile(await download.path()))).file('word/document.xml')!.async('string');
    const paragraph = paragraphsOf(xml).find((text) => text.startsWith('Trong kỳ báo cáo (từ ngày'))!;
    expect(paragraph).toContain(`tiếp nhận ${printed} hồ sơ thủ tục hành chính`);
    expect(paragraph).not.toContain(`tiếp nhận ${computed.toLocaleString('vi-VN')} hồ sơ`);
    const row = tableRowsOf(xml).find((cells) => cells[0] === '3.4.2.')!;
    expect(row.at(-1)).toBe(printed);
  });

  it('dossiers imported after approval: the reviewer\'s inbox and the report say which figure changed; Tính lại takes it', async () => {
    const store = session.server.store;
    const view = await computeReport(store, officer, { unitId: officer.unit.id, templateId: T, periodId: '2026-Q1' });
    const received = view.values.get(RECEIVED)!.value as number;
    const file = reportFile({ unitCode: officer.unit.code, unitName: officer.unit.name, periodId: '2026-Q1' });
    await importReportFile(store, officer, file);
    await transitionReport(store, officer, view.report.id, 'submit', {});
    await transitionReport(store, reviewer, view.report.id, 'approve', {});

    // The import: three dossiers received in the quarter (through the same path as an uploaded file).
    await generateDemoDossiers(store, { unit: officer.unit, count: 3, from: '2026-01-05', to: '2026-02-20', seed: 4242 });
    const line = `3.4.2. Số hồ sơ tiếp nhận trong kỳ: ${received.toLocaleString('vi-VN')} → ${(received + 3).toLocaleString('vi-VN')}`;

    const p = await session.page();
    await loginAs(p, 'sonoivu');
    await p.goto(`${session.server.baseUrl}/viec-can-lam`);
    const stale = p.getByRole('region', { name: /Báo cáo đã duyệt có số liệu hồ sơ thay đổi/ });
    await shows(stale.getByText(line, { exact: true }));
    await stale.getByRole('link', { name: /^Xem và mở lại để đính chính/ }).click();
    const notice = p.getByRole('status').filter({ has: p.getByRole('heading', { name: 'Số liệu hồ sơ đã thay đổi sau khi tính báo cáo' }) });
    await shows(notice.getByRole('link', { name: line }));
    await shows(notice.getByText(/bấm “Mở lại để đính chính”/));
    await screenshot(p, 'stale-data-approved');

    await transitionReport(store, reviewer, view.report.id, 'reopen', { comment: 'Số liệu hồ sơ quý I đã thay đổi sau khi duyệt.' });
    const o = await session.page();
    await loginAs(o, 'xababe');
    await o.goto(`${session.server.baseUrl}/bao-cao/${view.report.id}`);
    const officerNotice = o.getByRole('status').filter({ has: o.getByRole('heading', { name: 'Số liệu hồ sơ đã thay đổi sau khi tính báo cáo' }) });
    await shows(officerNotice.getByRole('link', { name: line }));
    await officerNotice.getByRole('button', { name: 'Tính lại' }).click();
    await expect.poll(() => officerNotice.count()).toBe(0);
    await shows(o.locator(`#row-${RECEIVED}`).getByText((received + 3).toLocaleString('vi-VN'), { exact: true }));
  });
});
