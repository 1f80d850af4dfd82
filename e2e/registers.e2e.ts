import { describe, expect, it } from 'vitest';
import { computeReport } from '../src/services/reports/compute-report';
import { importRegister } from '../src/services/unit-lists/registers';
import { loginAs, shows } from './support/browser';
import { useBrowserSession } from './support/session';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/*
 * Registers kept once (#12 item 3): Xã Ba Bể's staff register says 2 of its 3 positions are
 * filled; the officer fills the vacancy once on "Danh mục TTHC và sổ theo dõi", and the next
 * quarter's report shows 3 present, from the register, without typing it in the report.
 */
let q2Path: string;
const session = useBrowserSession(async (server) => {
  const user = (await server.store.users.findByUsername('xababe'))!;
  const file = join(mkdtempSync(join(tmpdir(), 'cchc-e2e-')), 'can-bo.csv');
  writeFileSync(
    file,
    'Chức danh,Họ và tên,Loại,Từ ngày,Đến ngày\nChủ tịch UBND,Hoàng Văn Một,Cán bộ,01/07/2025,\nCông chức Tư pháp - Hộ tịch,Nông Thị Hà,Công chức,01/07/2025,\nCông chức Văn phòng - Thống kê,,Công chức,01/07/2025,\n',
  );
  await importRegister(server.store, null, user.unitId, 'staff', file);
  const q1 = await computeReport(server.store, null, { unitId: user.unitId, templateId: 'mac-dinh-xa', periodId: '2026-Q1' });
  expect(q1.values.get('r_4_1_2')?.value).toBe(2);
  q2Path = `/bao-cao/${(await computeReport(server.store, null, { unitId: user.unitId, templateId: 'mac-dinh-xa', periodId: '2026-Q2' })).report.id}`;
});

describe('a register edited once', () => {
  it('fills the next quarter’s report without typing', async () => {
    const p = await session.page();
    await loginAs(p, 'xababe');
    // The officer finds the registers in the menu, not by address.
    await p.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh mục, sổ' }).click();
    await p.getByRole('navigation', { name: 'Chọn sổ' }).getByRole('button', { name: 'Cán bộ, công chức' }).click();
    await shows(p.getByRole('heading', { name: 'Sổ cán bộ, công chức' }));
    const vacant = p.getByRole('row').filter({ hasText: 'Công chức Văn phòng - Thống kê' });
    await vacant.getByRole('button', { name: /^Sửa/ }).click();
    const form = p.getByRole('form', { name: 'Sửa dòng' });
    await form.getByLabel('Đến ngày').fill('31/03/2026');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await shows(p.getByText('Đã lưu.'));
    await p.getByRole('button', { name: 'Thêm dòng' }).click();
    const add = p.getByRole('form', { name: 'Thêm dòng' });
    await add.getByLabel('Chức danh').fill('Công chức Văn phòng - Thống kê');
    await add.getByLabel('Họ và tên').fill('Ma Văn Dũng');
    await add.getByLabel('Loại').selectOption('Công chức');
    await add.getByLabel('Từ ngày').fill('01/04/2026');
    await add.getByRole('button', { name: 'Lưu' }).click();
    await shows(p.getByRole('cell', { name: 'Ma Văn Dũng' }));

    await p.goto(q2Path);
    await p.getByRole('button', { name: /Tính lại/ }).first().click();
    const present = p.getByRole('row').filter({ hasText: 'Tổng số biên chế có mặt tại thời điểm báo cáo' });
    await shows(present.getByText('Từ sổ theo dõi'));
    // The figure itself, not a digit of the row's code (4.1.2.): 2 before the edit, 3 after.
    await expect.poll(async () => /(^|\s)3(\s|$)/.test(await present.innerText())).toBe(true);
    expect(/(^|\s)2(\s|$)/.test(await present.innerText())).toBe(false);
    await shows(present.getByRole('link', { name: /Sửa sổ cán bộ, công chức/ }));
  });
});
