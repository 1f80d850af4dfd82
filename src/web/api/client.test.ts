import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, buildUrl, setCsrfToken, setUnauthorizedHandler } from './client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('API client', () => {
  it('drops empty query values', () => {
    expect(buildUrl('/api/units', { q: 'thinh duc', parentId: undefined, asOf: '2025-06-30', withinId: null })).toBe(
      '/api/units?q=thinh+duc&asOf=2025-06-30',
    );
    expect(buildUrl('/api/units', {})).toBe('/api/units');
  });

  it('sends the CSRF token on state-changing calls only', async () => {
    const fetch = vi.fn(async () => json(200, { ok: true }));
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('token-1');
    await api.get('/api/users');
    await api.post('/api/users', { username: 'a' });
    const headersOf = (call: number) => (fetch.mock.calls[call] as unknown as [string, RequestInit])[1].headers as Record<string, string>;
    expect(headersOf(0)['X-CSRF-Token']).toBeUndefined();
    expect(headersOf(1)['X-CSRF-Token']).toBe('token-1');
    expect((fetch.mock.calls[1] as unknown as [string, RequestInit])[1]).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"username":"a"}' });
  });

  it("throws the server's Vietnamese message", async () => {
    const message = 'Bạn không có quyền truy cập dữ liệu của đơn vị này.';
    vi.stubGlobal('fetch', async () => json(403, { error: { code: 'forbidden', message } }));
    const failure = await api.get('/api/units/5').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 403, code: 'forbidden', message });
  });

  it('reports an expired session, except where a 401 is an expected answer', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal('fetch', async () => json(401, { error: { code: 'unauthorized', message: 'Bạn cần đăng nhập để tiếp tục.' } }));
    await expect(api.get('/api/users')).rejects.toThrow('Bạn cần đăng nhập để tiếp tục.');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    await expect(api.post('/api/auth/login', {}, { expectUnauthorized: true })).rejects.toThrow();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('explains a failure without a JSON body or without a network', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>Bad Gateway</html>', { status: 502 }));
    await expect(api.get('/api/health')).rejects.toThrow('Máy chủ trả lời lỗi (mã 502). Vui lòng thử lại.');
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.get('/api/health')).rejects.toThrow('Không kết nối được với máy chủ');
  });
});
