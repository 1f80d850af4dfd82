import { describe, expect, it } from 'vitest';
import { parseYesNo } from '../text/yes-no';
import { parseChannel, parseDossierState, parseRating } from './dossier';
import { DOSSIER_HEADERS, mapDossierHeaders, parseDossierRow, type DossierField } from './dossier-row';
import { CODED_COLUMNS, sampleDossierCsv } from './import-guide';

const READERS: Partial<Record<DossierField, (text: string) => unknown>> = {
  channel: parseChannel,
  status: parseDossierState,
  rating: parseRating,
  digitizedInput: parseYesNo,
  digitizedOutput: parseYesNo,
  hasFee: parseYesNo,
  paidOnline: parseYesNo,
};

describe('what the import page tells about an export', () => {
  it('lists for every coded column only values the importer really reads', () => {
    for (const column of CODED_COLUMNS) {
      const read = READERS[column.field]!;
      for (const value of [...column.values, ...column.alsoRead]) {
        const result = read(value);
        expect(result === null || result === undefined, `${column.field}: "${value}"`).toBe(false);
      }
    }
  });

  it('offers a sample file that imports as it is, every row without a problem', () => {
    const csv = sampleDossierCsv({ unitCode: '01906', procedureCode: '1.001193', procedureName: 'Đăng ký khai sinh, kết hôn', year: 2026, month: 3 });
    const [header, ...rows] = csv.trim().split('\r\n');
    const headers = header!.split(',');
    const { columns, missing } = mapDossierHeaders(headers);
    expect(missing).toEqual([]);
    expect(rows).toHaveLength(3);
    rows.forEach((line, i) => {
      // The procedure name holds a comma: it is quoted.
      const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
      const byField = Object.fromEntries(Object.entries(columns).map(([field, index]) => [field, cells[index!] ?? '']));
      const parsed = parseDossierRow(byField, i + 2, (f) => DOSSIER_HEADERS[f][0], { today: '2026-04-01' });
      expect(parsed.issues, line).toEqual([]);
      expect(parsed.dossier?.unitCode).toBe('01906');
    });
  });
});
