import { appendFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import { loginAs, openHttpFixture } from './testing/http-fixture';

/*
 * A generic guard (issue #17, defect 11): no route listed in the OpenAPI document answers 500 to a
 * small set of hostile values, tried one at a time in every path parameter, every query parameter
 * and every top-level body property, the other inputs being plausible. A new route is covered as
 * soon as it is in the document.
 */

type JsonSchema = {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
};

/** Values that once gave 500s somewhere (issue #17): out-of-range ids, impossible dates, NUL, quotes, size. */
const HOSTILE_TEXT = ['99999999999999999999', '-1', '1e308', "'", 'a\u0000b', '2026-02-31', '0000-01-01', '9999-12-31', 'x'.repeat(5000)];
const deep = (levels: number): unknown => {
  let value: unknown = { title: 'x' };
  for (let i = 0; i < levels; i++) value = { title: 'x', children: [value] };
  return value;
};
const HOSTILE_JSON: unknown[] = [null, 1e308, -1, 2147483648, 'a\u0000b', 'x'.repeat(100_000), '9999-12-31', '2026-02-31', "'", {}, [], deep(1000)];

const sampleOf = (schema: JsonSchema | undefined, doc: { components?: { schemas?: Record<string, JsonSchema> } }): unknown => {
  if (!schema) return 'a';
  if (schema.$ref) return sampleOf(doc.components?.schemas?.[schema.$ref.split('/').pop()!], doc);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alternative = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternative) return sampleOf(alternative.find((s) => s.type !== 'null') ?? alternative[0], doc);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 1, (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items, doc));
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((key) => [key, sampleOf(schema.properties?.[key], doc)]));
    default:
      if (schema.format === 'date' || /\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(schema.pattern ?? '')) return '2026-03-02';
      if (schema.pattern && /Q/.test(schema.pattern)) return '2026-Q1';
      return 'a'.repeat(Math.max(1, schema.minLength ?? 1));
  }
};

describe('no 500 on hostile inputs, for every parameter of every route in the OpenAPI document', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  let app: FastifyInstance;
  beforeAll(async () => {
    fx = await openHttpFixture();
    // Thousands of requests from one account in a minute: the general rate limit would answer most of them.
    app = await buildApp({ store: fx.store, webRoot: '/nonexistent', rateLimits: false });
  });
  afterAll(async () => {
    await app.close();
    await fx.close();
  });

  it('answers 4xx (or 2xx), never 500', { timeout: 600_000 }, async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>;
      components?: { schemas?: Record<string, JsonSchema> };
    };
    const officerB = await fx.store.users.findByUsername('officer.b');
    const baseline: Record<string, string> = { unitId: String(fx.units.A), userId: String(officerB!.id), year: '2026', source: 'demo' };
    let session = await loginAs(app, 'admin');
    const failures: string[] = [];
    let requests = 0;

    const send = async (method: string, path: string, query: Record<string, string>, body: unknown, label: string) => {
      const url = `${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`;
      const asOwn = path === '/api/auth/logout' ? await loginAs(app, 'admin') : session;
      const response = await app.inject({
        method: method.toUpperCase() as 'GET',
        url,
        cookies: asOwn.cookies,
        headers: { 'x-csrf-token': asOwn.csrf },
        ...(body !== undefined ? { payload: JSON.stringify(body), headers: { 'x-csrf-token': asOwn.csrf, 'content-type': 'application/json' } } : {}),
      });
      requests += 1;
      if (process.env.CCHC_PROBE_LOG) appendFileSync(process.env.CCHC_PROBE_LOG, `${response.statusCode} ${method} ${url.slice(0, 100)} ${label}\n`);
      if (response.statusCode >= 500 || response.statusCode === 429) failures.push(`${method.toUpperCase()} ${url.slice(0, 160)} ${label} → ${response.statusCode} ${response.body.slice(0, 160)}`);
      // An input that ended the session (a password change…) must not hide the next routes.
      if (response.statusCode === 401) session = await loginAs(app, 'admin');
    };

    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const parameters = operation.parameters ?? [];
        const pathParams = parameters.filter((p) => p.in === 'path');
        const queryParams = parameters.filter((p) => p.in === 'query');
        const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
        const pathWith = (name?: string, value?: string) =>
          pathParams.reduce((p, param) => p.replace(`{${param.name}}`, encodeURIComponent(param.name === name ? value! : (baseline[param.name] ?? '1'))), template);
        const baseQuery = Object.fromEntries(queryParams.filter((p) => p.required).map((p) => [p.name, baseline[p.name] ?? String(sampleOf(p.schema, doc))]));
        const baseBody = bodySchema ? sampleOf(bodySchema, doc) : undefined;

        for (const param of pathParams) {
          for (const value of HOSTILE_TEXT) await send(method, pathWith(param.name, value), baseQuery, baseBody, `path ${param.name}=${JSON.stringify(value).slice(0, 30)}`);
        }
        for (const param of queryParams) {
          for (const value of HOSTILE_TEXT) await send(method, pathWith(), { ...baseQuery, [param.name]: value }, baseBody, `query ${param.name}=${JSON.stringify(value).slice(0, 30)}`);
        }
        if (bodySchema) {
          const resolved = (bodySchema.$ref ? doc.components?.schemas?.[bodySchema.$ref.split('/').pop()!] : bodySchema) as JsonSchema;
          for (const key of Object.keys(resolved.properties ?? {})) {
            for (const value of HOSTILE_JSON) {
              await send(method, pathWith(), baseQuery, { ...(baseBody as object), [key]: value }, `body ${key}=${JSON.stringify(value).slice(0, 30)}`);
            }
          }
          for (const value of HOSTILE_JSON) await send(method, pathWith(), baseQuery, value, `body=${JSON.stringify(value).slice(0, 30)}`);
        }
      }
    }
    expect(requests).toBeGreaterThan(1000);
    expect(failures, failures.join('\n')).toEqual([]);
  });
});
