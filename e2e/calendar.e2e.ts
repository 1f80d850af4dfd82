import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fetchInPage, loginAs, screenshot, shows } from './support/browser';
import { useBrowserSession } from './support/session';

const browserSession = useBrowserSession();
const page = (viewport?: { width: number; height: number }) => browserSession.page(viewport);

/** A day of the month grids, found by its spoken name ("Thứ Ba 17/02/2026, âm lịch …"). */
const day = (p: Page, weekday: string, date: string): Locator => p.getByRole('cell', { name: new RegExp(`^${weekday} ${date.replaceAll('/', '\\/')},`) });
const classesOf = async (cell: Locator) => ((await cell.getAttribute('class')) ?? '').split(' ');
const workingDaysText = (p: Page) => p.locator('.working-days').innerText();

async function openCalendar2026(p: Page): Promise<void> {
  await p.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Lịch làm việc' }).click();
  await p.waitForURL('**/lich**');
  await p.getByRole('group', { name: 'Chọn năm' }).getByLabel('Năm').selectOption('2026');
  await shows(p.getByRole('heading', { name: 'Lịch làm việc năm 2026' }));
  await shows(p.getByRole('table', { name: 'Tháng 12 năm 2026' }));
}

describe('working-day calendar in the browser', () => {
  it('an officer sees Tết 2026 with its lunar date, the make-up Saturday, the sources, and no form', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await openCalendar2026(p);

    const tet = day(p, 'Thứ Ba', '17/02/2026');
    expect(await classesOf(tet)).toContain('day-tet');
    expect((await tet.innerText()).replace(/\s+/g, ' ').trim()).toBe('17 1/1 Tết');
    expect(await tet.getAttribute('aria-label')).toBe(
      'Thứ Ba 17/02/2026, âm lịch mùng 1 tháng Giêng, Nghỉ lễ, tết: Tết Nguyên đán (mùng 1 tháng Giêng năm Bính Ngọ)',
    );
    const makeup = day(p, 'Thứ Bảy', '10/01/2026');
    expect(await classesOf(makeup)).toContain('day-makeup');
    expect(await makeup.getAttribute('title')).toContain('Làm bù: Làm bù cho ngày 02/01/2026');
    expect(await classesOf(day(p, 'Thứ Sáu', '02/01/2026'))).toContain('day-swapped');
    expect(await classesOf(day(p, 'Chủ nhật', '11/01/2026'))).toContain('day-weekend');
    expect(await classesOf(day(p, 'Thứ Hai', '12/01/2026'))).toEqual(['day']);

    // The count and the sources are the server's; 2026 is announced, so no warning.
    const api = (await fetchInPage(p, '/api/calendar/2026')).body as { workingDays: number };
    expect(await workingDaysText(p)).toBe(`Năm 2026 có ${api.workingDays} ngày làm việc đối với Xã Ba Bể.`);
    await shows(p.getByText('Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ về lịch nghỉ Tết Âm lịch và Quốc khánh năm 2026'));
    expect(await p.getByText('Lịch dự kiến, chưa có thông báo chính thức').count()).toBe(0);

    const special = p.getByRole('table', { name: 'Các ngày đặc biệt năm 2026' });
    const tetRow = special.getByRole('row', { name: /Thứ Ba, 17\/02\/2026/ });
    expect((await tetRow.getByRole('cell').allInnerTexts()).map((t) => t.trim())).toEqual([
      'Thứ Ba, 17/02/2026',
      'mùng 1 tháng Giêng',
      'Nghỉ lễ, tết',
      'Tết Nguyên đán (mùng 1 tháng Giêng năm Bính Ngọ)',
      'Thông báo 9441/TB-BNV ngày 16/10/2025',
      'Lịch nghỉ năm của Nhà nước',
    ]);
    expect(await p.getByRole('form', { name: 'Thêm ngày nghỉ, ngày làm việc riêng' }).count()).toBe(0);
    await screenshot(p, 'calendar-officer', true);

    // 2027 is only a forecast.
    await p.getByRole('button', { name: 'Năm 2027 ›' }).click();
    await shows(p.getByRole('heading', { name: 'Lịch làm việc năm 2027' }));
    await shows(p.getByText('Lịch dự kiến, chưa có thông báo chính thức'));
  });

  it('an admin adds a provincial holiday and a commune day; the officers of the province see theirs', async () => {
    const p = await page();
    await loginAs(p, 'admin');
    await openCalendar2026(p);
    const before = await workingDaysText(p);
    const form = p.getByRole('form', { name: 'Thêm ngày nghỉ, ngày làm việc riêng' });

    // Thursday 15/10/2026, an ordinary working day, becomes a provincial holiday.
    const oct15 = day(p, 'Thứ Năm', '15/10/2026');
    expect(await classesOf(oct15)).toEqual(['day']);
    await form.getByLabel('Ngày (dd/mm/yyyy)').fill('15/10/2026');
    await form.getByLabel('Loại ngày').selectOption({ label: 'Nghỉ lễ, tết' });
    await form.getByLabel('Lý do').fill('Kỷ niệm ngày thành lập tỉnh');
    await form.getByLabel('Căn cứ pháp lý').fill('Quyết định 99/QĐ-UBND ngày 01/10/2026');
    await form.getByRole('button', { name: 'Lưu ngày' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã lưu ngày 15/10/2026.' }));
    await expect.poll(async () => classesOf(oct15)).toEqual(['day', 'day-holiday', 'day-local']);
    expect(await oct15.getAttribute('aria-label')).toContain('Nghỉ lễ, tết: Kỷ niệm ngày thành lập tỉnh');
    const count = (text: string) => Number(/có (\d+) ngày/.exec(text)?.[1]);
    expect(count(await workingDaysText(p))).toBe(count(before) - 1);
    const own = p.getByRole('table', { name: 'Ngày riêng của tỉnh năm 2026' });
    await shows(own.getByRole('row', { name: /15\/10\/2026.*Toàn tỉnh \(Tỉnh Thái Nguyên\)/ }));

    // Correcting it: the form comes back filled, the same date and scope are replaced.
    await own.getByRole('button', { name: 'Sửa ngày 15/10/2026' }).click();
    const edit = p.getByRole('form', { name: 'Sửa ngày' });
    expect(await edit.getByLabel('Ngày (dd/mm/yyyy)').inputValue()).toBe('15/10/2026');
    await edit.getByLabel('Lý do').fill('Kỷ niệm ngày thành lập tỉnh Thái Nguyên');
    await edit.getByRole('button', { name: 'Lưu ngày' }).click();
    await shows(own.getByRole('row', { name: /Kỷ niệm ngày thành lập tỉnh Thái Nguyên/ }));
    expect(await own.getByRole('row', { name: /15\/10\/2026/ }).count()).toBe(1);
    await expect.poll(async () => oct15.getAttribute('aria-label')).toContain('Kỷ niệm ngày thành lập tỉnh Thái Nguyên');

    // Friday 16/10/2026 off for Xã Chợ Đồn only, chosen by searching within the province.
    await form.getByLabel('Ngày (dd/mm/yyyy)').fill('16/10/2026');
    await form.getByLabel('Loại ngày').selectOption({ label: 'Ngày nghỉ' });
    await form.getByLabel('Lý do').fill('Lễ hội truyền thống của xã');
    await form.getByRole('radio', { name: 'Một đơn vị trong tỉnh' }).check();
    await form.getByRole('searchbox', { name: 'Đơn vị áp dụng' }).fill('cho don');
    await form.getByRole('list', { name: 'Đơn vị tìm thấy' }).getByRole('button', { name: /Xã Chợ Đồn/ }).click();
    await form.getByRole('button', { name: 'Lưu ngày' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã lưu ngày 16/10/2026.' }));
    await shows(own.getByRole('row', { name: /16\/10\/2026.*Ngày nghỉ.*Xã Chợ Đồn/ }));
    // The province's own calendar is not touched by a commune's day.
    expect(await classesOf(day(p, 'Thứ Sáu', '16/10/2026'))).toEqual(['day']);
    await screenshot(p, 'calendar-admin', true);

    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    await p.waitForURL('**/dang-nhap');
    await loginAs(p, 'xababe');
    await openCalendar2026(p);
    expect(await classesOf(day(p, 'Thứ Năm', '15/10/2026'))).toEqual(['day', 'day-holiday', 'day-local']);
    expect(await classesOf(day(p, 'Thứ Sáu', '16/10/2026'))).toEqual(['day']); // Chợ Đồn's, not Ba Bể's
    await shows(p.getByRole('table', { name: 'Các ngày đặc biệt năm 2026' }).getByRole('row', { name: /Kỷ niệm ngày thành lập tỉnh/ }));
    // No form for an officer, and the server refuses the change anyway.
    expect(await p.getByRole('form', { name: 'Thêm ngày nghỉ, ngày làm việc riêng' }).count()).toBe(0);
    const refused = await p.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string; user: { unit: { id: number } } };
      const response = await fetch('/api/calendar-overrides', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken },
        body: JSON.stringify({ date: '2026-10-20', kind: 'holiday', reason: 'Thử', unitId: session.user.unit.id }),
      });
      return { status: response.status, body: (await response.json()) as unknown };
    });
    expect(refused).toEqual({ status: 403, body: { error: { code: 'forbidden', message: 'Chỉ quản trị viên được sửa lịch làm việc.' } } });

    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    await p.waitForURL('**/dang-nhap');
    await loginAs(p, 'xachodon');
    await openCalendar2026(p);
    expect(await classesOf(day(p, 'Thứ Sáu', '16/10/2026'))).toEqual(['day', 'day-off', 'day-local']);

    // The admin removes the commune's day.
    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    await p.waitForURL('**/dang-nhap');
    await loginAs(p, 'admin');
    await openCalendar2026(p);
    await own.getByRole('button', { name: 'Xóa ngày 16/10/2026' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã xóa ngày 16/10/2026.' }));
    await expect.poll(() => own.getByRole('row', { name: /16\/10\/2026/ }).count()).toBe(0);
  });
});
