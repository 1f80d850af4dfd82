/**
 * Reads while a large import runs (issue #17 defect 3, issue #16 item 2): the embedded server
 * imports BENCH_IMPORT_ROWS (default 100,000) dossiers uploaded by an admin while a client asks for
 * the province's statistics and a commune's register at a fixed rate (open loop: a request is sent
 * every BENCH_READ_EVERY_MS, default 100 ms, whether or not the previous one has answered, as
 * users would). Prints the latency percentiles of those reads, the import's time, and the longest
 * single wait. Target: p95 under 1 s. Engines: BENCH_ENGINES (default pglite,postgres).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { WorkCalendar } from '../src/domain/calendar/working-days';
import { buildApp } from '../src/http/app';
import { multipartBody } from '../src/http/testing/multipart';
import { generateDossierRows, writeDossierCsv } from '../src/services/demo/generate-dossiers';
import { importProcedures } from '../src/services/dossiers/import-procedures';
import { TEST_PROCEDURES } from '../src/services/dossiers/testing/dossier-test-setup';
import { addUser } from '../src/services/users/add-user';
import { openStore } from '../src/store/store';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const EVERY_MS = Number(process.env.BENCH_READ_EVERY_MS ?? 100);
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
const PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const COMMUNES = 100;
const fmt = (n: number) => Math.round(n).toLocaleString('vi-VN');
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

async function run(engine: string, csv: Buffer, procedures: string) {
  const dir = await mkdtemp(join(tmpdir(), `cchc-bench-reads-${engine}-`));
  const schema = `bench_reads_${process.pid}`;
  let admin: pg.Client | undefined;
  if (engine === 'postgres') {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
  }
  const store = await openStore(engine === 'pglite' ? { engine: 'pglite', dataDir: join(dir, 'data') } : { engine: 'postgres', url: PG_URL, schema });
  const app = await buildApp({ store, webRoot: '/nonexistent', uploadLimit: 1024 * 1024 * 1024 });
  try {
    const province = await store.units.insert({ code: '99', name: 'Tỉnh Thử Nghiệm', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
    const codes = Array.from({ length: COMMUNES }, (_, i) => `99${String(i).padStart(3, '0')}`);
    await store.units.insertMany(codes.map((code, i) => ({ code, name: `Xã Thử ${i + 1}`, level: 'commune' as const, parentId: province, validFrom: '2025-07-01', validTo: null })));
    const commune = (await store.units.findByCodeOn('99000', '2026-01-01'))!;
    await importProcedures(store, procedures);
    await addUser(store, { username: 'quantri', displayName: 'Quản trị', password: 'mat-khau-bench', role: 'admin', unitId: province });
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'quantri', password: 'mat-khau-bench' } });
    const cookies = { cchc_session: login.cookies.find((c) => c.name === 'cchc_session')!.value };
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const reads = [
      `/api/stats?unitId=${province}&from=2025-07-01&to=2026-06-30`,
      `/api/dossiers?unitId=${commune.id}&page=1`,
    ];
    // Warm up both reads once.
    for (const url of reads) await app.inject({ method: 'GET', url, cookies });

    const body = multipartBody({ source: 'bench' }, { field: 'file', name: 'ho-so.csv', content: csv });
    const started = performance.now();
    const upload = await app.inject({ method: 'POST', url: '/api/dossier-imports', cookies, headers: { ...body.headers, 'x-csrf-token': csrf }, payload: body.payload });
    if (upload.statusCode !== 202) throw new Error(upload.body);
    const jobId = upload.json().id as string;
    const latencies: number[] = [];
    const pending: Array<Promise<void>> = [];
    let done = false;
    let state = 'running';
    let stagedAt = 0;
    const watcher = (async () => {
      while (!done) {
        await new Promise((r) => setTimeout(r, 200));
        const job = (await app.inject({ method: 'GET', url: `/api/dossier-imports/jobs/${jobId}`, cookies })).json();
        state = job.state;
        if (job.rowsRead >= ROWS && stagedAt === 0) stagedAt = performance.now();
        if (job.state !== 'running') {
          done = true;
          if (job.state !== 'done' || job.result.rejected > 0) throw new Error(`import ${job.state}: ${job.error ?? JSON.stringify(job.result?.errors?.slice(0, 3))}`);
        }
      }
    })();
    // Latency counts from when a read was due, not from when the loop got round to sending it: while
    // the import holds the event loop (parsing, or the embedded engine running a statement) reads
    // that fall due wait too, and leaving them out would hide exactly the stalls being measured.
    let i = 0;
    const t0 = performance.now();
    while (!done) {
      const due = t0 + i * EVERY_MS;
      if (performance.now() < due) {
        await new Promise((r) => setTimeout(r, due - performance.now()));
        continue;
      }
      const url = reads[i++ % reads.length]!;
      pending.push(
        app.inject({ method: 'GET', url, cookies }).then((response) => {
          if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
          latencies.push(performance.now() - due);
        }),
      );
    }
    await watcher;
    const importSeconds = (performance.now() - started) / 1000;
    const endedAt = performance.now();
    await Promise.all(pending);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(`\n[${engine}] reads during an import of ${fmt(ROWS)} dossiers (upload → job ${state}: ${importSeconds.toFixed(1)} s, ${fmt(ROWS / importSeconds)} rows/s)`);
    if (stagedAt > 0) console.log(`  read and staged in ${((stagedAt - started) / 1000).toFixed(1)} s, published in ~${((endedAt - stagedAt) / 1000).toFixed(1)} s (one transaction)`);
    console.log(`  ${latencies.length} reads (stats of the province, a commune's register), one every ${EVERY_MS} ms`);
    console.log(`  p50 ${p50.toFixed(0)} ms   p95 ${p95.toFixed(0)} ms   max ${Math.max(...latencies).toFixed(0)} ms   → p95 ${p95 < 1000 ? 'under' : 'OVER'} 1 s`);
  } finally {
    await app.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
    if (admin) {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  }
}

const work = await mkdtemp(join(tmpdir(), 'cchc-bench-reads-'));
const csvPath = join(work, 'dossiers.csv');
const procedures = join(work, 'procedures.csv');
await writeFile(procedures, TEST_PROCEDURES);
const proceduresList = TEST_PROCEDURES.split('\n').slice(1).map((line, i) => {
  const [code, name, field, level, mode, days, fee] = line.split(',');
  return {
    id: i + 1, code: code!, name: name!, field: field!, level: level!,
    onlineMode: (mode === 'Toàn trình' ? 'full' : mode === 'Cung cấp thông tin' ? 'none' : 'partial') as 'full' | 'partial' | 'none',
    statutoryDays: Math.ceil(Number(days) >= 1 ? Number(days) : 0), hasFee: fee === 'Có', interconnected: false,
  };
});
await writeDossierCsv(
  csvPath,
  generateDossierRows({
    unitCodes: Array.from({ length: COMMUNES }, (_, i) => `99${String(i).padStart(3, '0')}`),
    procedures: proceduresList, calendar: new WorkCalendar(), from: '2025-07-01', to: '2026-06-30', count: ROWS, seed: 7,
  }),
);
const csv = await readFile(csvPath);
for (const engine of ENGINES) await run(engine, csv, procedures);
await rm(work, { recursive: true, force: true });
