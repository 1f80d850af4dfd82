import { describe, expect, it } from 'vitest';
import {
  addresseeLines,
  attachedToLine,
  BLANK,
  dataWindowSentence,
  DocumentMetaSchema,
  numberLine,
  parseDocumentDate,
  placeDateLine,
  recipientLines,
  signatureTitleLines,
} from './document-meta';

describe('header lines', () => {
  it('writes the number and symbol, or leaves the number blank for the clerk', () => {
    expect(numberLine({ number: '165', symbol: 'BC-UBND' })).toBe('Số: 165/BC-UBND');
    expect(numberLine({ number: '7', symbol: 'BC-UBND' })).toBe('Số: 07/BC-UBND');
    expect(numberLine({ number: null, symbol: 'BC-UBND' })).toBe(`Số: ${BLANK}/BC-UBND`);
    expect(numberLine({ number: '  ', symbol: 'BC-UBND' })).toBe(`Số: ${BLANK}/BC-UBND`);
  });

  it('writes place and date as Decree 30/2020 does: 0 before days under 10 and months 1 and 2', () => {
    expect(placeDateLine('Lê Hồng', '2022-06-13')).toBe('Lê Hồng, ngày 13 tháng 6 năm 2022');
    expect(placeDateLine('Thịnh Đức', '2024-02-05')).toBe('Thịnh Đức, ngày 05 tháng 02 năm 2024');
    expect(placeDateLine('Thịnh Đức', '2024-11-30')).toBe('Thịnh Đức, ngày 30 tháng 11 năm 2024');
    expect(placeDateLine('Thịnh Đức', '2024-03')).toBe(`Thịnh Đức, ngày ${BLANK} tháng 3 năm 2024`);
    expect(placeDateLine('Hoằng Lưu', '2023')).toBe(`Hoằng Lưu, ngày ${BLANK} tháng ${BLANK} năm 2023`);
    expect(() => placeDateLine('X', '2023-02-30')).toThrow();
  });

  it('reads partial dates and refuses impossible ones', () => {
    expect(parseDocumentDate('2024-03')).toEqual({ year: 2024, month: 3, day: null });
    expect(parseDocumentDate('2024-13')).toBeNull();
    expect(parseDocumentDate('2023-02-29')).toBeNull();
    expect(parseDocumentDate('13/06/2022')).toBeNull();
  });

  it('writes the data window with dd/mm/yyyy dates', () => {
    expect(dataWindowSentence({ from: '2023-12-15', to: '2024-03-14' })).toBe('(Số liệu tính từ ngày 15/12/2023 đến ngày 14/03/2024)');
  });
});

describe('signature and recipients', () => {
  it('prints TM., KT. and Q. blocks', () => {
    expect(signatureTitleLines({ onBehalfOf: 'Ủy ban nhân dân', authority: 'direct', headTitle: 'Chủ tịch', signerTitle: null, name: 'Lê Ngọc Hạnh' })).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
    ]);
    expect(
      signatureTitleLines({ onBehalfOf: 'ỦY BAN NHÂN DÂN', authority: 'KT.', headTitle: 'CHỦ TỊCH', signerTitle: 'PHÓ CHỦ TỊCH', name: 'Hoàng Văn Thâm' }),
    ).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signatureTitleLines({ onBehalfOf: null, authority: 'Q.', headTitle: 'CHỦ TỊCH', signerTitle: null, name: '' })).toEqual(['Q. CHỦ TỊCH']);
  });

  it('requires the signer title for KT.', () => {
    const result = DocumentMetaSchema.safeParse({
      issuer: ['ỦY BAN NHÂN DÂN', 'XÃ LÊ HỒNG'],
      unitName: 'UBND xã Lê Hồng',
      place: 'Lê Hồng',
      date: '2022-06-13',
      summary: 'Kết quả',
      signature: { authority: 'KT.', headTitle: 'CHỦ TỊCH' },
    });
    expect(result.success).toBe(false);
  });

  it('fills defaults for the optional parts', () => {
    const meta = DocumentMetaSchema.parse({
      issuer: ['ỦY BAN NHÂN DÂN', 'XÃ LÊ HỒNG'],
      unitName: 'UBND xã Lê Hồng',
      place: 'Lê Hồng',
      date: '2022-06',
      summary: 'Kết quả',
      signature: { onBehalfOf: 'ỦY BAN NHÂN DÂN', headTitle: 'CHỦ TỊCH' },
    });
    expect(meta).toMatchObject({ parentBody: [], number: null, symbol: 'BC-UBND', documentType: 'BÁO CÁO', addressees: [], recipients: [] });
    expect(DocumentMetaSchema.safeParse({ ...meta, date: '2022-02-30' }).success).toBe(false);
  });

  it('punctuates the recipients: a dash before each, ";" after each, "." after the last', () => {
    expect(recipientLines(['Phòng Nội vụ (b/c)', '- CT, PCT.UBND xã (b/c);', '', 'Lưu: VT'])).toEqual([
      '- Phòng Nội vụ (b/c);',
      '- CT, PCT.UBND xã (b/c);',
      '- Lưu: VT.',
    ]);
  });

  it('writes "Kính gửi" on one line for one addressee and as a list for several', () => {
    expect(addresseeLines([])).toEqual([]);
    expect(addresseeLines(['Hội đồng nhân dân xã Lai Hưng'])).toEqual(['Kính gửi: Hội đồng nhân dân xã Lai Hưng.']);
    expect(addresseeLines(['UBND huyện Bàu Bàng', 'Phòng Nội vụ huyện'])).toEqual(['Kính gửi:', '- UBND huyện Bàu Bàng;', '- Phòng Nội vụ huyện.']);
  });

  it('writes the appendix note with blanks where the number or day are not known yet', () => {
    expect(attachedToLine({ number: '165', symbol: 'BC-UBND', date: '2022-06-13', unitName: 'UBND xã Lê Hồng', documentType: 'BÁO CÁO' })).toBe(
      '(Kèm theo Báo cáo số 165/BC-UBND ngày 13/06/2022 của UBND xã Lê Hồng)',
    );
    expect(attachedToLine({ number: null, symbol: 'BC-UBND', date: '2024-03', unitName: 'UBND xã Thịnh Đức', documentType: 'BÁO CÁO' })).toBe(
      `(Kèm theo Báo cáo số ${BLANK}/BC-UBND ngày ${BLANK}/03/2024 của UBND xã Thịnh Đức)`,
    );
  });
});
