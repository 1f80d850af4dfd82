import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { badFiles, type BadFile, type CorpusKind } from '../../import/testing/bad-files';
import { importProcedures } from '../../services/dossiers/import-procedures';
import { TEST_PROCEDURES, tempFile } from '../../services/dossiers/testing/dossier-test-setup';
import type { Store } from '../../store/store';
import { snapshot } from '../../store/testing/table-snapshot';
import { openTestStore } from '../../store/testing/test-store';
import { expectVietnameseOnly } from '../../import/testing/vietnamese-answer';
import { main } from '../main';
import { withLentStore } from '../with-store';

/**
 * Runs the bad-file corpus (import/testing/bad-files.ts) through the `cchc` command in this process
 * against a real store: each answer must be Vietnamese, located, free of English and stack traces,
 * with the right exit code, and nothing may be stored.
 */

export function argsFor(kind: CorpusKind, path: string, out: string): string[] {
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

export async function runInProcess(store: Store, args: string[]) {
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

/** What the command must answer to a bad file, whatever the file. */
export function expectCleanAnswer(file: BadFile, path: string, answer: { code: number; stdout: string; stderr: string }) {
  const text = `${answer.stdout}${answer.stderr}`;
  expect(answer.code, text).toBe(file.exit);
  expect(text).toMatch(file.message);
  expectVietnameseOnly(text, [path]);
  if (file.exit === 2) {
    expect(answer.stdout).toBe('');
    expect(answer.stderr).toMatch(/^Lỗi: /);
  } else {
    expect(answer.stdout).toMatch(/thêm mới 0, cập nhật 0, không đổi 0, bị từ chối 1\./);
  }
}

/** A province, commune 01906 and the test procedure catalogue: what the dossier files refer to. */
export async function seedCorpusWorld(store: Store) {
  const P = await store.units.insert({ code: '19', name: 'Tỉnh Thái Nguyên', level: 'province', parentId: null, validFrom: '2025-07-01', validTo: null });
  await store.units.insert({ code: '01906', name: 'Xã Ba Bể', level: 'commune', parentId: P, validFrom: '2025-07-01', validTo: null });
  await importProcedures(store, tempFile('thu-tuc.csv', TEST_PROCEDURES));
}

/** The corpus of each kind as one describe block: at least 60 files, each refused cleanly with nothing stored. */
export function describeCorpus(kinds: CorpusKind[]) {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bad-files-'));
  let store: Store & { dispose(): Promise<void> };
  beforeAll(async () => {
    store = await openTestStore();
    await seedCorpusWorld(store);
  });
  afterAll(async () => {
    await store?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });
  for (const kind of kinds) {
    describe(`bad files for ${kind}`, () => {
      const files = badFiles(kind);
      it('has at least 60 files, each with its own name', () => {
        expect(files.length).toBeGreaterThanOrEqual(60);
        expect(new Set(files.map((f) => f.name)).size).toBe(files.length);
      });
      it.each(files.map((file) => [file.what, file] as const))('%s', async (_what, file) => {
        const path = join(dir, file.name);
        const out = join(dir, `${file.name}.docx`);
        writeFileSync(path, await file.bytes());
        const before = await snapshot(store, { importRuns: file.exit === 2, auditLog: file.exit === 2 });
        const answer = await runInProcess(store, argsFor(kind, path, out));
        expectCleanAnswer(file, path, answer);
        expect(await snapshot(store, { importRuns: file.exit === 2, auditLog: file.exit === 2 })).toEqual(before);
        expect(existsSync(out)).toBe(false);
        rmSync(path);
      });
    });
  }
}
