import { describe, expect, it } from 'vitest';
import { loginAs, screenshot, shows, submitLogin } from './support/browser';
import { useBrowserSession } from './support/session';

const browserSession = useBrowserSession();

describe('the audit log in the browser', () => {
  it('shows an admin the failed sign-in against an account of the province, and filters by outcome', async () => {
    const p = await browserSession.page();
    await p.goto('/dang-nhap');
    await submitLogin(p, 'xababe', 'sai-mat-khau');
    await shows(p.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }));

    await loginAs(p, 'admin');
    await p.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhật ký', exact: true }).click();
    await p.waitForURL('**/nhat-ky');
    const table = p.getByRole('table', { name: 'Nhật ký hoạt động' });
    const failed = table.getByRole('row').filter({ hasText: 'Bị từ chối' }).filter({ hasText: 'Đăng nhập' });
    await shows(failed.getByText('xababe').first());
    await p.getByLabel('Kết quả').selectOption({ label: 'Bị từ chối' });
    await p.waitForURL('**/nhat-ky?ketQua=refused');
    await shows(failed.first());
    // The address changes before the filtered page arrives: wait for the table to be refetched.
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Thành công' }).count(), { timeout: 15_000 }).toBe(0);
    await screenshot(p, 'audit-log-page');
  });

  it('is refused to an officer', async () => {
    const p = await browserSession.page();
    await loginAs(p, 'xababe');
    await p.goto('/nhat-ky');
    await shows(p.getByText('Chỉ quản trị viên được xem nhật ký hoạt động.'));
  });
});
