// Writes the bad-file corpus (src/import/testing/bad-files.ts) to a folder, one sub-folder per
// command, with a list of what each file is and what the answer must say: for trying the
// refusals by hand, in the web page's upload, or against another build.
//
//   npx tsx scripts/generate-bad-files.ts /tmp/tep-hong
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { badFiles, CORPUS_KINDS } from '../src/import/testing/bad-files';

const out = resolve(process.argv[2] ?? 'tep-hong');
let count = 0;
for (const kind of CORPUS_KINDS) {
  const folder = join(out, kind);
  mkdirSync(folder, { recursive: true });
  const index: string[] = [];
  for (const file of badFiles(kind)) {
    writeFileSync(join(folder, file.name), await file.bytes());
    index.push(`${file.name}\texit ${file.exit}\t${file.what}\t${file.message.source}`);
    count += 1;
  }
  writeFileSync(join(folder, 'DANH-SACH.tsv'), `tệp\tmã thoát\tlỗi\tcâu trả lời phải khớp\n${index.join('\n')}\n`);
}
process.stdout.write(`Đã ghi ${count} tệp hỏng vào ${out}\n`);
