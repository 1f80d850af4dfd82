import { describe, expect, it } from 'vitest';
import { DOSSIER_HEADERS, mapDossierHeaders, parseDossierRow, type DossierField } from './dossier-row';

const GOOD: Partial<Record<DossierField, string>> = {
  code: 'H19-0001',
  unitCode: '01906',
  procedureCode: '1.001193',
  channel: 'Trực tiếp',
  receivedAt: '03/11/2025 08:15',
  dueAt: '03/11/2025 16:30',
  resultAt: '03/11/2025 15:00',
  status: 'Đã có kết quả',
};
const headerOf = (field: DossierField) => DOSSIER_HEADERS[field][0];
const parse = (cells: Partial<Record<DossierField, string>>, today = '2026-12-04') => parseDossierRow({ ...GOOD, ...cells }, 2, headerOf, { today });
const messages = (cells: Partial<Record<DossierField, string>>, today?: string) => parse(cells, today).issues.map((i) => `${i.column}: ${i.message}`);

describe('parseDossierRow bounds', () => {
  it('accepts a good row', () => {
    expect(parse({}).dossier?.code).toBe('H19-0001');
  });

  it('refuses a 100,004-character code and shows the value shortened', () => {
    const { issues } = parse({ code: 'A'.repeat(100_004) });
    expect(issues.map((i) => i.message)).toEqual(['mã hồ sơ dài 100.004 ký tự, tối đa 100.']);
    expect(issues[0]!.value).toBe(`${'A'.repeat(80)}… (100.004 ký tự)`);
  });

  it('refuses receipt and result dates after the day of the import, or before 2000', () => {
    expect(messages({ receivedAt: '01/01/2099', dueAt: '', resultAt: '', status: 'Đang giải quyết' })).toEqual([
      'Ngày tiếp nhận: ngày 01/01/2099 sau ngày nhập 04/12/2026 (ngày trong tương lai).',
    ]);
    expect(messages({ resultAt: '05/12/2026' })).toEqual(['Ngày có kết quả: ngày 05/12/2026 sau ngày nhập 04/12/2026 (ngày trong tương lai).']);
    expect(messages({ receivedAt: '31/12/1999', dueAt: '', resultAt: '01/01/2000' })).toEqual(['Ngày tiếp nhận: ngày 31/12/1999 quá sớm (không trước 01/01/2000).']);
    expect(parse({ resultAt: '04/12/2026 23:59' }).issues).toEqual([]);
  });

  it('allows an appointment in the future but not more than 5 years after receipt', () => {
    expect(parse({ receivedAt: '01/12/2026', dueAt: '10/12/2026', resultAt: '', status: 'Đang giải quyết' }).issues).toEqual([]);
    expect(messages({ dueAt: '04/11/2030' })).toEqual(['Ngày hẹn trả: ngày hẹn trả 04/11/2030 cách ngày tiếp nhận hơn 5 năm.']);
    expect(parse({ dueAt: '03/11/2030' }).issues).toEqual([]);
  });

  it('refuses control characters, the replacement character and line breaks in codes', () => {
    expect(messages({ code: 'H19\u00000001' })).toEqual(['Mã hồ sơ: mã hồ sơ có ký tự điều khiển không in được.']);
    expect(messages({ unitCode: '019\uFFFD6' })[0]).toMatch(/đã hỏng khi chuyển bảng mã/);
    expect(messages({ procedureCode: '1.00\n1193' })).toEqual(['Mã thủ tục: mã thủ tục không được chứa dấu xuống dòng hoặc dấu tab.']);
  });
});

describe('mapDossierHeaders', () => {
  it('reports a header it reads that appears twice, ignoring case and diacritics', () => {
    const headers = ['Mã hồ sơ', 'Mã đơn vị', 'Mã thủ tục', 'Kênh tiếp nhận', 'Ngày tiếp nhận', 'Trạng thái', 'Ghi chú', 'Ghi chú', 'MA HO SO'];
    expect(mapDossierHeaders(headers).duplicates).toEqual([{ header: 'Mã hồ sơ', first: 0, second: 8 }]);
  });
});
