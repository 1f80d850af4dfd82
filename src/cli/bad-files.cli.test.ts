import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { importProcedures } from '../services/dossiers/import-procedures';
import { TEST_PROCEDURES, tempFile } from '../services/dossiers/testing/dossier-test-setup';
import { badFiles, CORPUS_KINDS, type BadFile, type CorpusKind } from '../import/testing/bad-files';
import type { Store } from '../store/store';
import { openTestStore } from '../store/testing/test-store';
import { main } from './main';
import { withLentStore } from './with-store';

/**
 * The fuzz corpus: every bad file of every command that reads one, run in this process against a
 * real store (a few spawned runs below prove the exit codes end to end). Each answer must be
 * Vietnamese, located, free of English and stack traces, with the right exit code, and nothing
 * may be stored.
 */

const dir = mkdtempSync(join(tmpdir(), 'cchc-bad-files-'));
let store: Store & { dispose(): Promise<void> };

const TABLES = ['units', 'procedures', 'dossiers', 'dossier_events', 'dossier_facts', 'dossier_unit_facts', 'import_runs', 'audit_log'];
/** Tables a run that rejects rows still writes: the record of the run and its audit line. */
const RUN_RECORDS = new Set(['import_runs', 'audit_log']);

async function snapshot(withRunRecords: boolean): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const table of TABLES) {
    if (!withRunRecords && RUN_RECORDS.has(table)) continue;
    const { rows } = await sql<{ n: string; digest: string | null }>`SELECT count(*)::text AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${sql.table(table)} t`.execute(store.db);
    result[table] = `${rows[0]!.n}:${rows[0]!.digest ?? ''}`;
  }
  return result;
}

/** English words that must never reach a user (format names like JSON, CSV, UTF-8, NUL are fine). */
const ENGLISH_WORDS =
  'the|is|are|was|not|at|of|and|or|with|from|to|cannot|could|invalid|error|unexpected|expected|unknown|undefined|failed|line|column|position|token|string|number|object|array|received|property|missing|required|must|should|record|quote|delimiter|found|instead|end|input|data|TypeError|RangeError|SyntaxError|ENOENT|EISDIR';
/** Whole words only: "To" in "Toàn" is not English (JavaScript's \b knows only ASCII letters). */
const ENGLISH = new RegExp(`(?<![\\p{L}\\p{N}])(${ENGLISH_WORDS})(?![\\p{L}\\p{N}])`, 'iu');

function argsFor(kind: CorpusKind, path: string, out: string): string[] {
  switch (kind) {
    case 'units-csv':
    case 'units-json':
      return ['units', 'import', path];
    case 'procedures':
      return ['procedures', 'import', path];
    case 'dossiers-csv':
    case 'dossiers-xlsx':
      return ['import', 'dossiers', path, '--source', 'kiem-thu'];
    case 'check':
      return ['check', path];
    case 'export':
      return ['export', path, '--format', 'docx', '--out', out];
  }
}

async function runInProcess(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (err.push(String(chunk)), true));
  process.exitCode = undefined;
  try {
    const code = await withLentStore(store, () => main(['node', 'cchc', ...args]));
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = undefined;
  }
}

/** What any answer to a bad file must be, whatever the file. */
function expectCleanAnswer(file: BadFile, path: string, answer: { code: number; stdout: string; stderr: string }) {
  const text = `${answer.stdout}${answer.stderr}`;
  expect(answer.code, text).toBe(file.exit);
  expect(text).toMatch(file.message);
  expect(text).not.toMatch(/Lỗi không mong đợi/);
  expect(text).not.toMatch(/\n\s+at\s|\.[cm]?[jt]s:\d+/);
  const words = text.split(path).join('«tệp»');
  expect(words.match(ENGLISH)?.[0], words).toBeUndefined();
  expect(text.length).toBeLessThan(20_000);
  if (file.exit === 2) {
    expect(answer.stdout).toBe('');
    expect(answer.stderr).toMatch(/^Lỗi: /);
  } else {
    expect(answer.stdout).toMatch(/thêm mới 0, cập nhật 0, không đổi 0, bị từ chối 1\./);
  }
}

beforeAll(async () => {
  store = await openTestStore();
  const P = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
  await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
  await importProcedures(store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
});

afterAll(async () => {
  await store?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  process.exitCode = undefined;
});

describe.each(CORPUS_KINDS)('bad files for %s', (kind) => {
  const files = badFiles(kind);

  it('has at least 60 files, each with its own name', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
    expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
  });

  it.each(files.map((file) => [file.what, file] as const))('%s', async (_what, file) => {
    const path = join(dir, file.name);
    const out = join(dir, `${file.name}.docx`);
    writeFileSync(path, await file.bytes());
    const before = await snapshot(file.exit === 2);
    const answer = await runInProcess(argsFor(kind, path, out));
    expectCleanAnswer(file, path, answer);
    expect(await snapshot(file.exit === 2)).toEqual(before);
    expect(existsSync(out)).toBe(false);
    rmSync(path);
  });
});

describe('bad files through the process boundary', () => {
  const BIN = fileURLToPath(new URL('../../bin/cchc.js', import.meta.url));
  const env = { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };
  const spawned = (...args: string[]) => {
    const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
  };
  const fileOf = (kind: CorpusKind, name: string) => {
    const file = badFiles(kind).find((f) => f.name === name)!;
    return file;
  };

  it('exits 2 with the Vietnamese answer for a bad period, deep JSON and a NUL byte', async () => {
    for (const [kind, name] of [
      ['check', 'so-lieu-ky-q9.json'],
      ['export', 'van-ban-long-1000.json'],
      ['units-csv', 'don-vi-nul-o.csv'],
    ] as const) {
      const file = fileOf(kind, name);
      const path = join(dir, file.name);
      writeFileSync(path, await file.bytes());
      const answer = spawned(...argsFor(kind, path, join(dir, 'ra.docx')));
      expectCleanAnswer(file, path, answer);
    }
  });
});
