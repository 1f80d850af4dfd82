import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngineName } from '../../store/testing/test-store';
import { openHttpFixture } from '../testing/http-fixture';

describe('system routes', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
  });
  afterAll(async () => fx.close());

  it('reports health with the engine and version', async () => {
    const response = await fx.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', store: testEngineName(), version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  });

  it('publishes an OpenAPI document and its browser', async () => {
    const doc = (await fx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/units/{unitId}', '/api/users']));
    const ui = await fx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toMatch(/swagger/i);
  });

  it('answers unknown API paths with a JSON 404 in Vietnamese', async () => {
    const response = await fx.app.inject({ method: 'GET', url: '/api/khong-co' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toMatch(/Không có địa chỉ/);
  });
});
