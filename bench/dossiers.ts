/**
 * Dossier import and statistics at province scale, each beside its raw baseline on the same data
 * in the same run:
 *   - import: `cchc import dossiers` path vs PostgreSQL COPY of the same CSV into a bare table;
 *   - a one-year statistics query (all metrics, whole province) vs one hand-written GROUP BY over
 *     the dossiers table (the per-dossier aggregation the daily facts replace).
 * Scale: BENCH_DOSSIERS (default 3,000,000) dossiers over 100 communes; BENCH_ENGINES=pglite,postgres.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { WorkCalendar } from '../src/domain/calendar/working-days';
import { loadYearSchedules } from '../src/services/calendar-files';
import { computeDossierStats } from '../src/services/dossiers/compute-dossier-stats';
import { importDossiers } from '../src/services/dossiers/import-dossiers';
import { importProcedures } from '../src/services/dossiers/import-procedures';
import { generateDossierRows, GENERATED_HEADER, writeDossierCsv } from '../src/services/demo/generate-dossiers';
import { TEST_PROCEDURES } from '../src/services/dossiers/testing/dossier-test-setup';
import { openStore, type Store } from '../src/store/store';
import { pgliteOf } from '../src/store/database';

const COUNT = Number(process.env.BENCH_DOSSIERS ?? 3_000_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COMMUNES = 100;
const FROM = '2025-07-01';
const TO = '2026-06-30';

const fmt = (n: number) => Math.round(n).toLocaleString('vi-VN');
const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = performance.now();
  const value = await work();
  return [value, (performance.now() - start) / 1000];
};

async function seedUnits(store: Store): Promise<string[]> {
  const province = await store.units.insert({ code: '99', name: 'Tỉnh Thử Nghiệm', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
  const codes = Array.from({ length: COMMUNES }, (_, i) => `99${String(i).padStart(3, '0')}`);
  await store.units.insertMany(codes.map((code, i) => ({ code, name: `Xã Thử ${i + 1}`, level: 'commune' as const, parentId: province, validFrom: '2025-07-01', validTo: null })));
  return codes;
}

const RAW_TABLE = `CREATE TABLE raw_dossiers (${GENERATED_HEADER.map((_, i) => `c${i} text`).join(', ')})`;

/** The per-dossier aggregation our facts replace: the same flows and stocks straight from the rows. */
const rawGroupBy = (from: string, to: string) => sql`
  SELECT d.channel,
    count(*) FILTER (WHERE d.received_day BETWEEN ${from}::date AND ${to}::date) AS received,
    count(*) FILTER (WHERE d.received_day BETWEEN ${from}::date AND ${to}::date AND d.online_mode = 'full') AS received_full,
    count(*) FILTER (WHERE d.received_day BETWEEN ${from}::date AND ${to}::date AND d.digitized_input) AS digitized_input,
    count(*) FILTER (WHERE d.received_day BETWEEN ${from}::date AND ${to}::date AND d.has_fee) AS with_fee,
    count(*) FILTER (WHERE d.received_day BETWEEN ${from}::date AND ${to}::date AND d.paid_online) AS paid_online,
    count(*) FILTER (WHERE d.state IN ('resolved','delivered') AND d.finish_day BETWEEN ${from}::date AND ${to}::date AND d.finish_day < d.due_day) AS early,
    count(*) FILTER (WHERE d.state IN ('resolved','delivered') AND d.finish_day BETWEEN ${from}::date AND ${to}::date AND d.finish_day = d.due_day) AS on_time,
    count(*) FILTER (WHERE d.state IN ('resolved','delivered') AND d.finish_day BETWEEN ${from}::date AND ${to}::date AND d.finish_day > d.due_day) AS late,
    count(*) FILTER (WHERE d.state = 'returned' AND d.finish_day BETWEEN ${from}::date AND ${to}::date) AS returned,
    count(*) FILTER (WHERE d.received_day < ${from}::date AND (d.finish_day IS NULL OR d.finish_day >= ${from}::date)) AS carried_over,
    count(*) FILTER (WHERE d.received_day <= ${to}::date AND (d.finish_day IS NULL OR d.finish_day > ${to}::date)) AS pending
  FROM dossiers d JOIN units u ON u.id = d.unit_id
  WHERE u.code LIKE '99%'
  GROUP BY d.channel`;

async function run(engine: string, csv: string, procedures: string) {
  const dir = await mkdtemp(join(tmpdir(), `cchc-bench-${engine}-`));
  const schema = `bench_${process.pid}`;
  let admin: pg.Client | undefined;
  if (engine === 'postgres') {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  }
  const store = await openStore(engine === 'pglite' ? { engine: 'pglite', dataDir: join(dir, 'data') } : { engine: 'postgres', url: PG_URL, schema });
  try {
    await seedUnits(store);
    await importProcedures(store, procedures);

    // Baseline 1: COPY of the same CSV into a bare table of text columns.
    await sql.raw(RAW_TABLE).execute(store.db);
    const [, copySeconds] = await time(async () => {
      if (engine === 'pglite') {
        const pglite = pgliteOf(store.database);
        await pglite!.query(`COPY raw_dossiers FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], { blob: new Blob([await readFile(csv)]) });
      } else {
        const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path=${schema}` });
        await client.connect();
        await pipeline(createReadStream(csv), client.query(copyFrom(`COPY raw_dossiers FROM STDIN WITH (FORMAT csv, HEADER true)`)));
        await client.end();
      }
    });

    // Ours: the real import (parse, validate, resolve, upsert, events, daily facts) in one transaction.
    const [result, importSeconds] = await time(() => importDossiers(store, { path: csv, source: 'bench', actor: null, batchSize: 5000 }));
    if (result.rejected > 0) throw new Error(`bench data rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);

    const province = (await store.units.findByCodeOn('99', TO))!;
    const statsRuns: number[] = [];
    const rawRuns: number[] = [];
    for (let i = 0; i < 5; i++) {
      statsRuns.push((await time(() => computeDossierStats(store, null, { unitId: province.id, from: FROM, to: TO })))[1]);
      rawRuns.push((await time(() => rawGroupBy(FROM, TO).execute(store.db)))[1]);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\n[${engine}] ${fmt(COUNT)} dossiers, ${COMMUNES} communes`);
    console.log(`  COPY into a bare table        ${copySeconds.toFixed(1)} s   ${fmt(COUNT / copySeconds)} rows/s`);
    console.log(`  cchc import dossiers          ${importSeconds.toFixed(1)} s   ${fmt(COUNT / importSeconds)} rows/s   = ${((copySeconds / importSeconds) * 100).toFixed(0)} % of COPY`);
    console.log(`  one-year stats (facts)        ${(median(statsRuns) * 1000).toFixed(0)} ms (median of 5)`);
    console.log(`  one-year raw GROUP BY         ${(median(rawRuns) * 1000).toFixed(0)} ms (median of 5)   → facts ${(median(rawRuns) / median(statsRuns)).toFixed(1)}× faster`);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
}

const work = await mkdtemp(join(tmpdir(), 'cchc-bench-'));
const csv = join(work, 'dossiers.csv');
const procedures = join(work, 'procedures.csv');
await (await import('node:fs/promises')).writeFile(procedures, TEST_PROCEDURES);
const schedules = await loadYearSchedules();
const calendar = new WorkCalendar({ schedules });
const proceduresList = TEST_PROCEDURES.split('\n').slice(1).map((line) => {
  const [code, name, field, level, mode, days, fee] = line.split(',');
  return {
    id: 0, code: code!, name: name!, field: field!, level: level!,
    onlineMode: (mode === 'Toàn trình' ? 'full' : mode === 'Cung cấp thông tin' ? 'none' : 'partial') as 'full' | 'partial' | 'none',
    statutoryDays: Math.ceil(Number(days) >= 1 ? Number(days) : 0), hasFee: fee === 'Có', interconnected: false,
  };
});
const [, genSeconds] = await time(() =>
  writeDossierCsv(csv, generateDossierRows({ unitCodes: Array.from({ length: COMMUNES }, (_, i) => `99${String(i).padStart(3, '0')}`), procedures: proceduresList, calendar, from: FROM, to: TO, count: COUNT, seed: 42 })),
);
console.log(`generated ${fmt(COUNT)} dossiers (${((await stat(csv)).size / 1e6).toFixed(0)} MB) in ${genSeconds.toFixed(1)} s`);
for (const engine of ENGINES) await run(engine, csv, procedures);
await rm(work, { recursive: true, force: true });
