/** Encoders for the legacy and wide encodings a test file is written in (Node writes only UTF-8/16 LE). */

export function utf16le(text: string, bom = true): Buffer {
  return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
}

export function utf16be(text: string, bom = true): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
}

function reverseTable(label: string): Map<string, number> {
  const decoder = new TextDecoder(label);
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return table;
}

const CP1258 = reverseTable('windows-1258');
const CP1252 = reverseTable('windows-1252');

/**
 * Windows-1258, as Excel's "CSV" writes on a Vietnamese Windows: letters it has are one byte,
 * tones are combining marks after the letter ("ồ" = "ô" + grave).
 */
export function windows1258(text: string): Buffer {
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    const direct = CP1258.get(char);
    if (direct !== undefined) {
      bytes.push(direct);
      continue;
    }
    const [base, ...marks] = [...char.normalize('NFD')];
    // A letter the code page has, plus the tone marks it lacks ("ệ" = "ê" + dot below).
    const options = [...marks.map((mark, i) => ({ letter: `${base}${mark}`.normalize('NFC'), rest: marks.filter((_, j) => j !== i) })), { letter: base!, rest: marks }];
    const fit = options.find((o) => CP1258.has(o.letter) && o.rest.every((m) => CP1258.has(m)));
    if (!fit) throw new Error(`no Windows-1258 bytes for ${char}`);
    bytes.push(CP1258.get(fit.letter)!, ...fit.rest.map((m) => CP1258.get(m)!));
  }
  return Buffer.from(bytes);
}

/** Windows-1252, as Excel's "CSV" writes on a Western Windows: letters it lacks become "?". */
export function windows1252(text: string): Buffer {
  return Buffer.from([...text.normalize('NFC')].map((char) => CP1252.get(char) ?? 0x3f));
}
