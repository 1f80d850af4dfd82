/**
 * Measurements that are too heavy or too noisy for unit tests. Run with `npm run bench`.
 * Each case prints its median over a few runs; targets live in the issues.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importUnits } from '../src/services/units/import-units';
import pg from 'pg';
import { openStore } from '../src/store/store';

interface Case {
  name: string;
  runs: number;
  run: () => Promise<void>;
}

const read = (name: string) => readFileSync(new URL(`../reference/units/${name}`, import.meta.url), 'utf8');

async function measure(c: Case): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < c.runs; i++) {
    const start = performance.now();
    await c.run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`${c.name.padEnd(60)} median ${median.toFixed(1)} ms  (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, n=${c.runs})`);
}

const engines = process.env.DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);
// On a server the bench works in a throw-away schema, never in the database's own tables.
const BENCH_SCHEMA = `bench_${process.pid}`;
async function onServer(statement: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(statement);
  await client.end();
}

for (const engine of engines) {
  const config =
    engine === 'pglite' ? { engine, dataDir: undefined } : { engine, url: process.env.DATABASE_URL!, schema: BENCH_SCHEMA };
  if (engine === 'postgres') await onServer(`CREATE SCHEMA ${BENCH_SCHEMA}`);
  const old = read('vn-units-2025-03-01.json');
  const current = read('vn-units-2026-04-30.json');

  await measure({
    name: `[${engine}] import both official unit lists into an empty store`,
    runs: 3,
    run: async () => {
      const store = await openStore(config);
      if (engine === 'postgres') await store.db.deleteFrom('units').execute(); // our own schema
      await importUnits(store, { file: 'old.json', text: old });
      await importUnits(store, { file: 'new.json', text: current });
      await store.close();
    },
  });

  const store = await openStore(config);
  if ((await store.units.count()) === 0) {
    await importUnits(store, { file: 'old.json', text: old });
    await importUnits(store, { file: 'new.json', text: current });
  }
  await measure({ name: `[${engine}] re-import the 2025 list (idempotent, nothing changes)`, runs: 3, run: async () => void (await importUnits(store, { file: 'old.json', text: old })) });
  const hanoiOld = (await store.units.findByCodeOn('01', '2025-01-01'))!;
  await measure({ name: `[${engine}] subtree of Hà Nội, 2025 era (≈ 600 units)`, runs: 20, run: async () => void (await store.units.subtree(hanoiOld.id)) });
  await measure({ name: `[${engine}] search "thinh duc" across both eras`, runs: 20, run: async () => void (await store.units.search({ folded: 'thinh duc', limit: 50 })) });
  await store.close();
  if (engine === 'postgres') await onServer(`DROP SCHEMA ${BENCH_SCHEMA} CASCADE`);
}
