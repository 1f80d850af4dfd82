import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../domain/calendar/working-days';
import { openTestStore, testEngineName } from '../../store/testing/test-store';
import { generateDossierRows, writeDossierCsv } from '../demo/generate-dossiers';
import { computeDossierStats } from './compute-dossier-stats';
import { importDossiers } from './import-dossiers';
import { seedDossierWorld, tempFile } from './testing/dossier-test-setup';

/**
 * Issue #17, defect 3: an import used to hold the embedded engine's one connection from its first
 * row to its last, so every request waited for it. Now it works in chunks and requests are served
 * between them; what it has read stays invisible until the whole file is published.
 */
describe(`reads during an import on ${testEngineName()}`, () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  let ids: Awaited<ReturnType<typeof seedDossierWorld>>;
  beforeAll(async () => {
    store = await openTestStore();
    ids = await seedDossierWorld(store);
  });
  afterAll(async () => store.dispose());

  it('are answered while the import is still running, and see none of its rows before it ends', async () => {
    const path = tempFile('lon.csv', '');
    await writeDossierCsv(
      path,
      generateDossierRows({ unitCodes: ['01906', '02020'], procedures: await store.procedures.all(), calendar: new WorkCalendar(), from: '2026-01-01', to: '2026-03-31', count: 12_000, seed: 9 }),
    );
    let firstChunk!: () => void;
    const chunked = new Promise<void>((resolve) => (firstChunk = resolve));
    let importEnded = false;
    const running = importDossiers(store, { path, source: 'motcua', actor: null, batchSize: 1000, onProgress: () => firstChunk() }).finally(
      () => (importEnded = true),
    );
    await chunked;

    const reads = [];
    for (let i = 0; i < 3; i++) {
      const count = await store.dossiers.count();
      const stats = await computeDossierStats(store, null, { unitId: ids.P, from: '2026-01-01', to: '2026-03-31' });
      reads.push({ count, received: stats.stats.received.total, importEnded });
    }
    expect(reads).toEqual(Array.from({ length: 3 }, () => ({ count: 0, received: 0, importEnded: false })));

    const result = await running;
    expect(result).toMatchObject({ inserted: 12_000, rejected: 0 });
    expect(await store.dossiers.count()).toBe(12_000);
  });
});
