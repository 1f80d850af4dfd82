import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { EXPECTED, FIXTURE_WINDOW } from '../../services/dossiers/fixtures/dossiers-fixture.expected';
import { loginAs, openHttpFixture } from '../testing/http-fixture';
import { multipartBody } from '../testing/multipart';

const file = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

describe('the hand-counted dossier fixture through the HTTP API', () => {
  let fx: Awaited<ReturnType<typeof openHttpFixture>>;
  beforeAll(async () => {
    fx = await openHttpFixture();
    await importProcedures(fx.store, file('demo/procedures.csv'));
  });
  afterAll(async () => fx.close());

  it('uploads it as the commune officer and serves exactly the expected statistics', async () => {
    const officer = await loginAs(fx.app, 'officer.a');
    const body = multipartBody({ source: 'motcua' }, { field: 'file', name: 'dossiers-fixture.csv', content: readFileSync(file('src/services/dossiers/fixtures/dossiers-fixture.csv')) });
    const started = await fx.app.inject({ method: 'POST', url: '/api/dossier-imports', cookies: officer.cookies, headers: { ...body.headers, 'x-csrf-token': officer.csrf }, payload: body.payload });
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json();
    while (job.state === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = (await fx.app.inject({ method: 'GET', url: `/api/dossier-imports/jobs/${job.id}`, cookies: officer.cookies })).json();
    }
    expect(job.result).toMatchObject({ inserted: 308, rejected: 0 });

    const response = await fx.app.inject({
      method: 'GET',
      url: `/api/stats?unitId=${fx.units.A}&from=${FIXTURE_WINDOW.from}&to=${FIXTURE_WINDOW.to}&by=field`,
      cookies: officer.cookies,
    });
    const { stats, groups } = response.json();
    const { byField, ...expected } = EXPECTED;
    for (const [key, value] of Object.entries(expected)) expect(stats[key], key).toEqual(value);
    expect(stats.rates.on_time_pct).toEqual({ value: 95.2, numerator: 238, denominator: 250 });
    const perField = (pick: (s: typeof stats) => number) =>
      Object.fromEntries((groups as Array<{ label: string; stats: typeof stats }>).map((g) => [g.label, pick(g.stats)]).filter(([, n]) => n !== 0));
    expect(perField((s) => s.received.in_period)).toEqual(byField.received_in_period);
    expect(perField((s) => s.resolved.total)).toEqual(byField.resolved_total);
  });
});
