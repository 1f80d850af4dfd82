import { describe, expect, it } from 'vitest';
import { formatCalendarFile, parseCalendarFile } from './calendar-file';
import { CalendarError } from './errors';

const GOOD = `
year: 2025
confirmed: true
sources:
  - Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024
days:
  - date: 2025-05-02
    kind: swapped_day_off
    reason: Nghỉ hoán đổi, làm bù vào thứ Bảy 26/04/2025
    legal_ref: Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024
    swap_with: 2025-04-26
  - date: 2025-04-26
    kind: makeup_workday
    reason: Làm bù cho ngày 02/05/2025
    legal_ref: Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024
    swap_with: 2025-05-02
`;

function errorOf(text: string, year?: number): string {
  try {
    parseCalendarFile(text, 'calendars/2025.yaml', year);
  } catch (error) {
    expect(error).toBeInstanceOf(CalendarError);
    return (error as Error).message;
  }
  throw new Error('expected a CalendarError');
}

function withDay(entry: string): string {
  return `year: 2025\nconfirmed: true\ndays:\n${entry}`;
}

describe('parseCalendarFile', () => {
  it('reads a valid file, sorting the days', () => {
    const schedule = parseCalendarFile(GOOD, 'calendars/2025.yaml', 2025);
    expect(schedule).toMatchObject({ year: 2025, confirmed: true, origin: 'file' });
    expect(schedule.days.map((d) => d.date)).toEqual(['2025-04-26', '2025-05-02']);
    expect(schedule.days[0]).toEqual({
      date: '2025-04-26',
      kind: 'makeup_workday',
      reason: 'Làm bù cho ngày 02/05/2025',
      legalRef: 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024',
      swapWith: '2025-05-02',
    });
  });

  it('round-trips through formatCalendarFile', () => {
    const schedule = parseCalendarFile(GOOD, 'calendars/2025.yaml');
    expect(parseCalendarFile(formatCalendarFile(schedule, 'tiêu đề'), 'x.yaml')).toEqual(schedule);
  });

  it('names the file and the entry in Vietnamese', () => {
    expect(errorOf('year: [')).toMatch(/^Tệp lịch "calendars\/2025.yaml": không đọc được YAML/);
    expect(errorOf('- 1\n- 2\n')).toMatch(/nội dung phải là một bảng/);
    expect(errorOf('year: 2025\nconfirmed: yes please\ndays: []')).toMatch(/"confirmed" phải là true/);
    expect(errorOf('year: 2025\nconfirmed: true\ndays: []', 2026)).toBe(
      'Tệp lịch "calendars/2025.yaml": "year: 2025" không khớp với năm 2026 của tên tệp.',
    );
    expect(errorOf('year: 2025\nconfirmed: true\ndayz: []')).toMatch(/khóa "dayz" không được hỗ trợ/);
    expect(errorOf('year: 2025\nconfirmed: true')).toMatch(/thiếu danh sách "days"/);
    expect(
      errorOf(withDay('  - date: 2025-01-01\n    kind: party\n    reason: x\n    legal_ref: y\n')),
    ).toBe(
      'Tệp lịch "calendars/2025.yaml" mục 1 (2025-01-01): "kind" phải là một trong: holiday, day_off, swapped_day_off, makeup_workday.',
    );
    expect(errorOf(withDay('  - date: 2025-01-01\n    kind: holiday\n    legal_ref: y\n'))).toMatch(
      /mục 1 \(2025-01-01\): thiếu "reason"/,
    );
    expect(errorOf(withDay('  - date: 01/01/2025\n    kind: holiday\n    reason: x\n    legal_ref: y\n'))).toMatch(
      /mục 1: "date" phải là ngày dạng YYYY-MM-DD/,
    );
    expect(errorOf(withDay('  - date: 2024-12-31\n    kind: holiday\n    reason: x\n    legal_ref: y\n'))).toMatch(
      /ngày không thuộc năm 2025/,
    );
  });

  it('catches days that contradict the week', () => {
    // 2025-04-28 is a Monday, 2025-04-26 a Saturday.
    expect(
      errorOf(withDay('  - date: 2025-04-28\n    kind: makeup_workday\n    reason: x\n    legal_ref: y\n')),
    ).toMatch(/phải là thứ Bảy hoặc Chủ nhật/);
    expect(errorOf(withDay('  - date: 2025-04-26\n    kind: holiday\n    reason: x\n    legal_ref: y\n'))).toMatch(
      /trùng ngày nghỉ hằng tuần/,
    );
  });

  it('refuses duplicates and mismatched swaps', () => {
    const day = '  - date: 2025-01-01\n    kind: holiday\n    reason: x\n    legal_ref: y\n';
    expect(errorOf(withDay(day + day))).toMatch(/mục 2 \(2025-01-01\): ngày này đã có ở một mục khác/);
    const swap =
      '  - date: 2025-05-02\n    kind: swapped_day_off\n    reason: x\n    legal_ref: y\n    swap_with: 2025-01-01\n';
    expect(errorOf(withDay(day + swap))).toMatch(/"swap_with" phải trỏ tới một ngày loại makeup_workday/);
  });
});
