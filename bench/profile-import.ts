// Profiling helper: node --cpu-prof --import tsx bench/profile-import.ts (not part of npm run bench)
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkCalendar } from '../src/domain/calendar/working-days';
import { loadYearSchedules } from '../src/services/calendar-files';
import { generateDossierRows, writeDossierCsv } from '../src/services/demo/generate-dossiers';
import { importDossiers } from '../src/services/dossiers/import-dossiers';
import { importProcedures } from '../src/services/dossiers/import-procedures';
import { TEST_PROCEDURES } from '../src/services/dossiers/testing/dossier-test-setup';
import { openStore } from '../src/store/store';

const dir = await mkdtemp(join(tmpdir(), 'cchc-prof-'));
const store = await openStore({ engine: 'pglite' });
const p = await store.units.insert({ code: '99', name: 'Tỉnh', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
await store.units.insert({ code: '99001', name: 'Xã', level: 'commune', parentId: p, validFrom: '2025-07-01', validTo: null });
await writeFile(join(dir, 'p.csv'), TEST_PROCEDURES);
await importProcedures(store, join(dir, 'p.csv'));
const csv = join(dir, 'd.csv');
await writeDossierCsv(csv, generateDossierRows({ unitCodes: ['99001'], procedures: await store.procedures.all(), calendar: new WorkCalendar({ schedules: await loadYearSchedules() }), from: '2025-07-01', to: '2026-06-30', count: Number(process.env.N ?? 50000), seed: 1 }));
import { DossiersRepository } from '../src/store/repositories/dossiers.repository';
const timings: Record<string, number> = {};
for (const name of ['findForFacts', 'upsertMany', 'replaceEvents', 'applyFactDeltas'] as const) {
  const original = DossiersRepository.prototype[name] as (...args: unknown[]) => Promise<unknown>;
  (DossiersRepository.prototype as unknown as Record<string, unknown>)[name] = async function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    try { return await original.apply(this, args); } finally { timings[name] = (timings[name] ?? 0) + performance.now() - t; }
  };
}
const start = performance.now();
const result = await importDossiers(store, { path: csv, source: 'p', actor: null, batchSize: 5000 });
console.log(result.inserted, 'rows in', ((performance.now() - start) / 1000).toFixed(1), 's');
console.log(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])));
await store.close();
