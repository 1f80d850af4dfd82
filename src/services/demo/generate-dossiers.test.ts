import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../store/testing/test-store';
import { unitCalendar } from '../calendar/unit-calendar';
import { computeDossierStats } from '../dossiers/compute-dossier-stats';
import { importDossiers } from '../dossiers/import-dossiers';
import { seedDossierWorld, tempFile } from '../dossiers/testing/dossier-test-setup';
import { generateDossierRows, writeDossierCsv } from './generate-dossiers';

describe('demo dossier generator', () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let ids: Awaited<ReturnType<typeof seedDossierWorld>>;
  beforeAll(async () => {
    store = await openTestStore();
    ids = await seedDossierWorld(store);
  });
  afterAll(async () => store.dispose());

  it('writes rows that import cleanly and look like a real commune’s year', async () => {
    const unit = (await store.units.findById(ids.A))!;
    const options = {
      unitCodes: ['01906', '02020'],
      procedures: await store.procedures.all(),
      calendar: await unitCalendar(store, unit),
      from: '2026-01-01',
      to: '2026-06-30',
      count: 3000,
      seed: 7,
    };
    const path = tempFile('demo.csv', '');
    expect(await writeDossierCsv(path, generateDossierRows(options))).toBe(3000);
    const result = await importDossiers(store, { path, source: 'demo', actor: null });
    expect(result.rejected, JSON.stringify(result.errors.slice(0, 3))).toBe(0);
    expect(result.inserted).toBe(3000);

    const { stats } = await computeDossierStats(store, null, { unitId: ids.P, from: '2026-01-01', to: '2026-06-30' });
    expect(stats.received.in_period).toBe(3000);
    expect(stats.rates.on_time_pct.value!).toBeGreaterThan(80);
    expect(stats.rates.on_time_pct.value!).toBeLessThan(100);
    expect(stats.received.online).toBeGreaterThan(300);
    expect(stats.returned).toBeGreaterThan(0);
    expect(stats.pending.paused).toBeGreaterThan(0);
    // Tết 2026 (16–20/02) is a holiday: nobody received anything at the desk then.
    const tet = await computeDossierStats(store, null, { unitId: ids.P, from: '2026-02-16', to: '2026-02-20' });
    expect(tet.stats.received.direct).toBe(0);

    const again = [...generateDossierRows(options)];
    expect(again.slice(0, 5)).toEqual([...generateDossierRows(options)].slice(0, 5));
  });
});
