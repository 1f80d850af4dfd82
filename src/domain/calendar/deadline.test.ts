import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeVn, parseDateTime } from './date-time';
import { addWorkingDaysToDateTime, classifyTimeliness, dossierDueDate } from './deadline';
import { SCHEDULE_2025_EXCERPT, SCHEDULE_2026_EXCERPT } from './fixtures/schedule-excerpts';
import { WorkCalendar } from './working-days';

const calendar = new WorkCalendar({ schedules: [SCHEDULE_2025_EXCERPT, SCHEDULE_2026_EXCERPT] });

describe('date-times in Vietnam time', () => {
  it('reads local times, offsets and dd/mm/yyyy', () => {
    expect(parseDateTime('2026-02-13T16:30')).toEqual({ date: '2026-02-13', minutes: 990 });
    expect(parseDateTime('2026-02-13 16:30:59')).toEqual({ date: '2026-02-13', minutes: 990 });
    expect(parseDateTime('2026-02-13T09:30:00Z')).toEqual({ date: '2026-02-13', minutes: 990 });
    expect(parseDateTime('2026-02-13T20:00:00Z')).toEqual({ date: '2026-02-14', minutes: 180 });
    expect(parseDateTime('2026-02-13T01:00:00+09:00')).toEqual({ date: '2026-02-12', minutes: 1380 });
    expect(parseDateTime('13/02/2026 16:30')).toEqual({ date: '2026-02-13', minutes: 990 });
    expect(parseDateTime('2026-02-13')).toEqual({ date: '2026-02-13', minutes: 0 });
    expect(formatDateTime({ date: '2026-02-13', minutes: 990 })).toBe('2026-02-13T16:30:00+07:00');
    expect(formatDateTimeVn({ date: '2026-02-13', minutes: 990 })).toBe('16:30 13/02/2026');
  });

  it('rejects impossible times in Vietnamese', () => {
    expect(() => parseDateTime('2026-02-30T10:00')).toThrow(/Thời điểm không hợp lệ: "2026-02-30T10:00"/);
    expect(() => parseDateTime('2026-02-13T24:00')).toThrow(/không hợp lệ/);
    expect(() => parseDateTime('hôm qua')).toThrow(/không hợp lệ/);
  });
});

describe('dossierDueDate', () => {
  it('does not count the receipt day; due at the end of the N-th working day', () => {
    // Monday 09/03/2026 10:00, 3 working days: Tue, Wed, Thu.
    const due = dossierDueDate(calendar, { receivedAt: '2026-03-09T10:00', workingDays: 3 });
    expect(due).toMatchObject({
      countFrom: '2026-03-09',
      status: 'running',
      dueDate: '2026-03-12',
      dueAt: '2026-03-12T17:00:00+07:00',
      pausedWorkingDays: 0,
    });
  });

  it('counts a dossier received after closing time, or on a day off, from the next working day', () => {
    expect(dossierDueDate(calendar, { receivedAt: '2026-03-09T17:00', workingDays: 3 }).dueDate).toBe('2026-03-12');
    expect(dossierDueDate(calendar, { receivedAt: '2026-03-09T17:01', workingDays: 3 })).toMatchObject({
      countFrom: '2026-03-10',
      dueDate: '2026-03-13',
    });
    // Saturday → counted from Monday 16/03, due Thursday 19/03.
    expect(dossierDueDate(calendar, { receivedAt: '2026-03-14T09:00', workingDays: 3 })).toMatchObject({
      countFrom: '2026-03-16',
      dueDate: '2026-03-19',
    });
    // An online dossier sent at 20:00 UTC on Friday = 03:00 Saturday in Vietnam.
    expect(dossierDueDate(calendar, { receivedAt: '2026-03-13T20:00:00Z', workingDays: 1 }).countFrom).toBe('2026-03-16');
    // A custom closing time.
    expect(
      dossierDueDate(calendar, { receivedAt: '2026-03-09T16:45', workingDays: 1, closingTime: '16:30' }).dueDate,
    ).toBe('2026-03-11');
  });

  it('skips Tết and counts make-up Saturdays', () => {
    // Friday 13/02/2026 10:00, 3 working days → 23, 24, 25/02.
    expect(dossierDueDate(calendar, { receivedAt: '2026-02-13T10:00', workingDays: 3 }).dueDate).toBe('2026-02-25');
    // Thursday 08/01/2026: Fri 09, Sat 10 (make-up), Mon 12.
    expect(dossierDueDate(calendar, { receivedAt: '2026-01-08T08:00', workingDays: 3 }).dueDate).toBe('2026-01-12');
    // Same-day procedures.
    expect(dossierDueDate(calendar, { receivedAt: '2026-01-08T08:00', workingDays: 0 }).dueDate).toBe('2026-01-08');
  });

  it('adds back the working days a dossier waits for the citizen', () => {
    // Received Mon 09/03/2026, 5 working days → due Mon 16/03 without a pause.
    // Supplement requested Wed 11/03 (2 days used: Tue, Wed), papers back Fri 13/03 → Thu, Fri
    // paused; 3 days remain from Fri: Mon 16, Tue 17, Wed 18.
    const due = dossierDueDate(calendar, {
      receivedAt: '2026-03-09T09:00',
      workingDays: 5,
      pauses: [{ from: '2026-03-11T10:00', to: '2026-03-13T15:00' }],
    });
    expect(due).toMatchObject({ dueDate: '2026-03-18', pausedWorkingDays: 2, status: 'running' });
    expect(due.pauses).toEqual([
      { from: '2026-03-11T10:00:00+07:00', to: '2026-03-13T15:00:00+07:00', pausedWorkingDays: 2, applied: true },
    ]);
    // Papers back after closing on Friday: resumption counts from Monday.
    expect(
      dossierDueDate(calendar, {
        receivedAt: '2026-03-09T09:00',
        workingDays: 5,
        pauses: [{ from: '2026-03-11T10:00', to: '2026-03-13T17:30' }],
      }),
    ).toMatchObject({ dueDate: '2026-03-19', pausedWorkingDays: 3 });
  });

  it('handles several pauses, an open pause, and a pause after the due date', () => {
    const two = dossierDueDate(calendar, {
      receivedAt: '2026-03-09T09:00',
      workingDays: 5,
      pauses: [
        { from: '2026-03-17T09:00', to: '2026-03-18T09:00' },
        { from: '2026-03-10T09:00', to: '2026-03-11T09:00' },
      ],
    });
    // First pause (sorted): Tue 10 used, Wed 11 paused. Then Thu 12, Fri 13, Mon 16, Tue 17 used
    // (5 in all with Tue 10) — the second pause starts on the last day, Wed 18 paused → due Wed 18.
    expect(two).toMatchObject({ dueDate: '2026-03-18', pausedWorkingDays: 2 });

    const open = dossierDueDate(calendar, {
      receivedAt: '2026-03-09T09:00',
      workingDays: 5,
      pauses: [{ from: '2026-03-11T10:00' }],
    });
    expect(open).toMatchObject({ status: 'paused', dueDate: null, dueAt: null, consumedWorkingDays: 2 });

    const late = dossierDueDate(calendar, {
      receivedAt: '2026-03-09T09:00',
      workingDays: 2,
      pauses: [{ from: '2026-03-20T09:00', to: '2026-03-25T09:00' }],
    });
    expect(late).toMatchObject({ dueDate: '2026-03-11', pausedWorkingDays: 0 });
    expect(late.pauses[0]?.applied).toBe(false);
  });

  it('refuses inconsistent input in Vietnamese', () => {
    expect(() => dossierDueDate(calendar, { receivedAt: '2026-03-09T09:00', workingDays: -1 })).toThrow(
      /số ngày làm việc nguyên, không âm/,
    );
    expect(() =>
      dossierDueDate(calendar, {
        receivedAt: '2026-03-09T09:00',
        workingDays: 3,
        pauses: [{ from: '2026-03-08T09:00', to: '2026-03-10T09:00' }],
      }),
    ).toThrow(/đứng trước thời điểm tiếp nhận hồ sơ/);
    expect(() =>
      dossierDueDate(calendar, {
        receivedAt: '2026-03-09T09:00',
        workingDays: 3,
        pauses: [{ from: '2026-03-10T09:00', to: '2026-03-09T10:00' }],
      }),
    ).toThrow(/Khoảng tạm dừng|kết thúc/);
    expect(() =>
      dossierDueDate(calendar, {
        receivedAt: '2026-03-09T09:00',
        workingDays: 3,
        pauses: [
          { from: '2026-03-10T09:00', to: '2026-03-12T09:00' },
          { from: '2026-03-11T09:00', to: '2026-03-13T09:00' },
        ],
      }),
    ).toThrow(/chồng lên nhau/);
    expect(() => dossierDueDate(calendar, { receivedAt: '2026-03-09T09:00', workingDays: 3, closingTime: '25:00' })).toThrow(
      /Giờ không hợp lệ/,
    );
  });
});

describe('timeliness and date-time arithmetic', () => {
  it('classifies a result against the due date', () => {
    expect(classifyTimeliness('2026-03-12', '2026-03-11T16:00')).toBe('truoc_han');
    expect(classifyTimeliness('2026-03-12', '2026-03-12T23:00')).toBe('dung_han');
    expect(classifyTimeliness('2026-03-12', '2026-03-12T18:00:00Z')).toBe('qua_han'); // 01:00 on the 13th
  });

  it('adds working days to a date-time, keeping the clock time', () => {
    expect(addWorkingDaysToDateTime(calendar, '2026-02-13T10:15', 3)).toBe('2026-02-25T10:15:00+07:00');
  });
});
