import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginAs, screenshot, shows, submitLogin } from './support/browser';
import { useBrowserSession } from './support/session';

const browserSession = useBrowserSession();
const page = (viewport?: { width: number; height: number }) => browserSession.page(viewport);

const mainNav = (p: Page) => p.getByRole('navigation', { name: 'Điều hướng chính' });

describe('accounts and sign-in in the browser', () => {
  it('a wrong password shows the server message and stays on the login page', async () => {
    const p = await page();
    await p.goto('/dang-nhap');
    await submitLogin(p, 'admin', 'sai-mat-khau');
    await shows(p.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }));
    expect(new URL(p.url()).pathname).toBe('/dang-nhap');
  });

  it('an admin creates an account through the form, and that account can sign in', async () => {
    const p = await page();
    await loginAs(p, 'admin');
    await mainNav(p).getByRole('link', { name: 'Tài khoản' }).click();
    await p.waitForURL('**/tai-khoan');
    const table = p.getByRole('table', { name: 'Danh sách tài khoản' });
    await shows(table.getByRole('cell', { name: 'xachodon' }));

    const form = p.getByRole('form', { name: 'Tạo tài khoản mới' });
    // The server's rules come back in Vietnamese.
    await form.getByLabel('Tên đăng nhập').fill('X');
    await form.getByLabel('Họ và tên').fill('Phạm Thị Kiểm Thử');
    await form.getByLabel('Mật khẩu').fill('mat-khau-thu-2026');
    await form.getByRole('button', { name: 'Dùng Tỉnh Thái Nguyên' }).click();
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await shows(form.getByRole('alert').filter({ hasText: 'Tên đăng nhập phải dài 3–40 ký tự' }));

    await form.getByLabel('Tên đăng nhập').fill('canbo.chodon');
    await form.getByLabel('Vai trò').selectOption({ label: 'Cán bộ báo cáo' });
    await form.getByRole('button', { name: 'Chọn đơn vị khác' }).click();
    await form.getByRole('searchbox', { name: 'Đơn vị' }).fill('cho don');
    await form.getByRole('list', { name: 'Đơn vị tìm thấy' }).getByRole('button', { name: /Xã Chợ Đồn/ }).click();
    await shows(form.getByRole('group', { name: 'Đơn vị đã chọn' }).getByText('Xã Chợ Đồn'));
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await shows(p.getByRole('status').filter({ hasText: 'Đã tạo tài khoản “canbo.chodon” cho Xã Chợ Đồn.' }));
    const row = table.getByRole('row').filter({ hasText: 'canbo.chodon' });
    await shows(row.getByText('Đang hoạt động'));
    await shows(row.getByText('Phạm Thị Kiểm Thử'));
    await screenshot(p, 'users-page');
    expect(await form.getByLabel('Tên đăng nhập').inputValue()).toBe('');
    expect(await form.getByRole('searchbox', { name: 'Đơn vị' }).inputValue()).toBe('');

    // Creating it twice is refused by the server.
    await form.getByLabel('Tên đăng nhập').fill('canbo.chodon');
    await form.getByLabel('Họ và tên').fill('Bản sao');
    await form.getByLabel('Mật khẩu').fill('mat-khau-thu-2026');
    await form.getByRole('button', { name: 'Dùng Tỉnh Thái Nguyên' }).click();
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await shows(form.getByRole('alert').filter({ hasText: 'Tên đăng nhập "canbo.chodon" đã được dùng.' }));

    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    await p.waitForURL('**/dang-nhap');
    await submitLogin(p, 'canbo.chodon', 'mat-khau-thu-2026');
    await p.waitForURL((url) => url.pathname === '/');
    await shows(p.getByRole('banner').getByText('Cán bộ báo cáo · Xã Chợ Đồn'));
    await screenshot(p, 'home-page');
    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    await p.waitForURL('**/dang-nhap');

    // Locking it keeps it out.
    await loginAs(p, 'admin');
    await p.goto('/tai-khoan');
    await table.getByRole('button', { name: 'Khóa tài khoản canbo.chodon' }).click();
    await shows(row.getByText('Đã khóa'));
    await p.getByRole('button', { name: 'Đăng xuất' }).click();
    await p.waitForURL('**/dang-nhap');
    await submitLogin(p, 'canbo.chodon', 'mat-khau-thu-2026');
    await shows(p.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }));
  });

  it('a non-admin has no "Tài khoản" link and the page tells them they have no access', async () => {
    const p = await page();
    await loginAs(p, 'sonoivu');
    await shows(mainNav(p).getByRole('link', { name: 'Đơn vị hành chính' }));
    expect(await mainNav(p).getByRole('link', { name: 'Tài khoản' }).count()).toBe(0);
    await p.goto('/tai-khoan');
    await shows(p.getByRole('alert').filter({ hasText: 'Bạn không có quyền truy cập trang này.' }));
    expect(await p.getByRole('table', { name: 'Danh sách tài khoản' }).count()).toBe(0);
  });

  it('an expired session (a 401 from any call) sends the user to the login page and back', async () => {
    const p = await page();
    await loginAs(p, 'xababe');
    await p.context().clearCookies();
    await mainNav(p).getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await p.waitForURL('**/dang-nhap');
    await submitLogin(p, 'xababe');
    await p.waitForURL('**/don-vi');
    await shows(p.getByRole('list', { name: 'Cây đơn vị hành chính' }));
  });
});
