import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, it } from 'vitest';
import { badFiles, type CorpusKind } from '../import/testing/bad-files';
import { argsFor, describeCorpus, expectCleanAnswer } from './testing/bad-file-runs';

// Interchange files read by `cchc check` and `cchc export`.
describeCorpus(['check', 'export']);

describe('bad files through the process boundary', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cchc-bad-spawn-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const BIN = fileURLToPath(new URL('../../bin/cchc.js', import.meta.url));
  const env = { ...process.env, CCHC_DATA_DIR: join(dir, 'data'), DATABASE_URL: '' };

  it('exits 2 with the Vietnamese answer for period 2026-Q9, 1,000 levels of JSON and a NUL byte in a unit list', async () => {
    for (const [kind, name] of [
      ['check', 'so-lieu-ky-q9.json'],
      ['export', 'van-ban-long-1000.json'],
      ['units-csv', 'don-vi-nul-o.csv'],
    ] as Array<[CorpusKind, string]>) {
      const file = badFiles(kind).find((f) => f.name === name)!;
      const path = join(dir, file.name);
      writeFileSync(path, await file.bytes());
      const result = spawnSync(process.execPath, [BIN, ...argsFor(kind, path, join(dir, 'ra.docx'))], { env, encoding: 'utf8', timeout: 60_000 });
      expectCleanAnswer(file, path, { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr });
    }
  }, 120_000);
});
