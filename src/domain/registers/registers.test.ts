import { describe, expect, it } from 'vitest';
import { describeRegisterQuery, parseRegisterCells, registerQueryProblems, registerValue, REGISTERS, type RegisterEntry } from './registers';

let nextId = 1;
const staff = (data: Record<string, string | boolean | number | null>, startDay: string, endDay: string | null = null): RegisterEntry => ({
  id: nextId++,
  unitId: 1,
  register: 'staff',
  startDay,
  endDay,
  data: { position: 'Công chức', name: '', category: 'cong_chuc', qualification: '', standard_met: true, trainings: 0, ...data },
});
const docs = (day: string, total: number, fully: number): RegisterEntry => ({
  id: nextId++,
  unitId: 1,
  register: 'documents',
  startDay: day,
  endDay: null,
  data: { direction: 'sent', total, fully_electronic: fully, parallel_paper: 0, signed: fully },
});
const Q1 = { from: '2025-12-15', to: '2026-03-14' };
const Q2 = { from: '2026-03-15', to: '2026-06-14' };

describe('registers', () => {
  it('reads a staff row as an import does: labels or keys, Vietnamese yes/no, dd/mm/yyyy dates', () => {
    const parsed = parseRegisterCells(
      REGISTERS.staff,
      { position: 'Chủ tịch UBND', name: 'Nguyễn Văn A', category: 'cán bộ', standard_met: 'có', trainings: '2', startDay: '01/07/2025', endDay: '' },
      'a.csv',
      2,
    );
    expect(parsed.issues).toEqual([]);
    expect(parsed.entry).toEqual({
      startDay: '2025-07-01',
      endDay: null,
      data: { position: 'Chủ tịch UBND', name: 'Nguyễn Văn A', category: 'can_bo', qualification: '', standard_met: true, trainings: 2 },
    });
  });

  it('names the file, row and column of every problem at once', () => {
    const parsed = parseRegisterCells(
      REGISTERS.staff,
      { position: '', category: 'giám đốc', standard_met: 'có lẽ', trainings: '-3', startDay: '31/02/2026', endDay: '' },
      'can-bo.csv',
      7,
    );
    expect(parsed.entry).toBeUndefined();
    expect(parsed.issues.map((i) => [i.row, i.column])).toEqual([
      [7, 'Chức danh'],
      [7, 'Loại'],
      [7, 'Đạt chuẩn'],
      [7, 'Số lượt bồi dưỡng trong năm'],
      [7, 'Từ ngày'],
    ]);
    expect(parsed.issues[1]!.message).toContain('Cán bộ, Công chức, Người hoạt động không chuyên trách, Hợp đồng lao động');
    expect(parsed.issues[4]!.message).toBe('ngày "31/02/2026" không hợp lệ (ngày/tháng/năm, ví dụ 01/07/2025).');
  });

  it('refuses an end before the start, dates out of bounds and more electronic documents than documents', () => {
    const span = parseRegisterCells(REGISTERS.equipment, { item: 'Máy tính', name: 'Máy bàn', startDay: '01/03/2026', endDay: '01/02/2026' }, 'f', 3);
    expect(span.issues.map((i) => i.message)).toEqual(['ngày 01/02/2026 trước ngày bắt đầu 01/03/2026.']);
    const far = parseRegisterCells(REGISTERS.activities, { form: 'Tin, bài', title: 'Tin CCHC', startDay: '01/01/2200' }, 'f', 4);
    expect(far.issues[0]).toMatchObject({ column: 'Ngày', message: 'ngày 01/01/2200 quá xa (không sau 31/12/2100).' });
    const docsRow = parseRegisterCells(REGISTERS.documents, { direction: 'Văn bản đi', total: '10', fully_electronic: '8', parallel_paper: '3', startDay: '31/03/2026' }, 'f', 5);
    expect(docsRow.issues[0]).toMatchObject({ column: 'Hoàn toàn điện tử', message: 'số văn bản điện tử (11) lớn hơn tổng số (10).' });
  });

  it('counts the staff in post on the last day of the window, by category and filled or vacant', () => {
    const entries = [
      staff({ name: 'A', category: 'can_bo' }, '2020-01-01'),
      staff({ name: 'B' }, '2020-01-01', '2026-02-28'), // left in Q1
      staff({ name: '' }, '2020-01-01'), // vacant position
      staff({ name: 'C' }, '2026-04-01'), // recruited in Q2
      staff({ name: 'D', category: 'hop_dong' }, '2024-01-01'),
    ];
    const quota = { register: 'staff' as const, where: { category: ['can_bo', 'cong_chuc'] } };
    const present = { register: 'staff' as const, where: { category: ['can_bo', 'cong_chuc'], name: '*' } };
    expect([registerValue(quota, entries, Q1), registerValue(present, entries, Q1)]).toEqual([2, 1]);
    expect([registerValue(quota, entries, Q2), registerValue(present, entries, Q2)]).toEqual([3, 2]);
    expect(registerValue({ register: 'staff', where: { name: '' } }, entries, Q2)).toBe(1);
    expect(registerValue({ register: 'staff', at: 'started' }, entries, Q2)).toBe(1);
    expect(registerValue({ register: 'staff', at: 'ended' }, entries, Q1)).toBe(1);
    expect(registerValue({ register: 'staff', where: { category: 'hop_dong' } }, entries, Q1)).toBe(1);
  });

  it('sums a day register over the window, and says nothing for a window it has no record of', () => {
    const entries = [docs('2026-01-31', 40, 38), docs('2026-02-28', 50, 45), docs('2026-03-31', 60, 60)];
    expect(registerValue({ register: 'documents', sum: 'total', where: { direction: 'sent' } }, entries, Q1)).toBe(90);
    expect(registerValue({ register: 'documents', sum: 'fully_electronic' }, entries, Q1)).toBe(83);
    expect(registerValue({ register: 'documents', sum: 'total' }, entries, Q2)).toBe(60);
    expect(registerValue({ register: 'documents', sum: 'total' }, entries, { from: '2026-06-15', to: '2026-09-14' })).toBeNull();
    // A register the unit does not keep at all is not "zero".
    expect(registerValue({ register: 'equipment', sum: 'quantity' }, entries, Q1)).toBeNull();
  });

  it('checks a template source against the register: columns, options, sums over numbers only', () => {
    expect(registerQueryProblems({ register: 'staff', where: { category: ['can_bo'], name: '*' } })).toEqual([]);
    expect(registerQueryProblems({ register: 'staff', sum: 'name', where: { category: 'giam_doc', age: 3, standard_met: 'có' } }).map((p) => p.message)).toEqual([
      'sổ "Cán bộ, công chức" không có cột số "name" để cộng (có: trainings).',
      '"giam_doc" không phải giá trị của cột "category" (có: can_bo, cong_chuc, khong_chuyen_trach, hop_dong).',
      'sổ "Cán bộ, công chức" không có cột "age" (có: position, name, category, qualification, standard_met, trainings).',
      'cột "standard_met" nhận true hoặc false.',
    ]);
    expect(describeRegisterQuery({ register: 'staff', where: { category: ['can_bo', 'cong_chuc'], name: '*' } })).toBe(
      'Sổ cán bộ, công chức, Loại: Cán bộ hoặc Công chức; Họ và tên: có ghi, tại ngày cuối kỳ',
    );
  });
});
