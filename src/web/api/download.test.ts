import { describe, expect, it } from 'vitest';
import { attachmentName } from './download';

describe('the name of a downloaded file', () => {
  it('takes the encoded name first, then the plain one, else the fallback', () => {
    expect(attachmentName(`attachment; filename="bao-cao.pdf"; filename*=UTF-8''b%C3%A1o-c%C3%A1o.pdf`, 'x')).toBe('báo-cáo.pdf');
    expect(attachmentName('attachment; filename="bao-cao-2026-Q1.docx"', 'x')).toBe('bao-cao-2026-Q1.docx');
    expect(attachmentName('attachment; filename=phu-luc.xlsx', 'x')).toBe('phu-luc.xlsx');
    expect(attachmentName(null, 'tep.pdf')).toBe('tep.pdf');
    expect(attachmentName('attachment', 'tep.pdf')).toBe('tep.pdf');
  });
});
