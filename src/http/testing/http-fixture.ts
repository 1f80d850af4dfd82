import type { FastifyInstance } from 'fastify';
import { addUser } from '../../services/users/add-user';
import { openTestStore } from '../../store/testing/test-store';
import { buildApp, type AppOptions } from '../app';

export const PASSWORD = 'mat-khau-thu-nghiem';

/**
 * Two provinces of today's two-level tree: P (communes A, B) and Q (commune C),
 * with an admin and a reviewer at P and one officer per commune.
 */
export async function openHttpFixture(options: Pick<AppOptions, 'importJobs' | 'uploadLimit'> = {}) {
  const store = await openTestStore();
  const unit = (code: string, name: string, level: 'province' | 'commune', parentId: number | null) =>
    store.units.insert({ code, name, level, parentId, validFrom: '2025-07-01', validTo: null });
  const P = await unit('19', 'Tỉnh Thái Nguyên', 'province', null);
  const A = await unit('01906', 'Xã Ba Bể', 'commune', P);
  const B = await unit('02020', 'Xã Chợ Đồn', 'commune', P);
  const Q = await unit('38', 'Tỉnh Thanh Hoá', 'province', null);
  const C = await unit('15976', 'Xã Hoằng Lưu', 'commune', Q);
  const add = (username: string, role: 'officer' | 'reviewer' | 'admin', unitId: number) =>
    addUser(store, { username, displayName: username, password: PASSWORD, role, unitId });
  await add('admin', 'admin', P);
  await add('reviewer', 'reviewer', P);
  await add('officer.a', 'officer', A);
  await add('officer.b', 'officer', B);
  await add('officer.c', 'officer', C);
  const app = await buildApp({ store, webRoot: '/nonexistent', ...options });
  return {
    app,
    store,
    units: { P, A, B, Q, C },
    async close() {
      await app.close();
      await store.dispose();
    },
  };
}

/** Logs in through the API and returns what a browser would hold: the cookie and the CSRF token. */
export async function loginAs(app: FastifyInstance, username: string) {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'cchc_session')!;
  return {
    cookies: { cchc_session: cookie.value },
    csrf: (response.json() as { csrfToken: string }).csrfToken,
    setCookie: cookie,
  };
}
