import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../cli-error';
import { main } from '../main';
import { registerCalendarCommands } from './calendar';

let out: string[] = [];
let err: string[] = [];

beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the calendar commands on a fresh commander program; resolves to stdout. */
async function run(...args: string[]): Promise<string> {
  const program = new Command('cchc').exitOverride();
  registerCalendarCommands(program);
  for (const sub of program.commands) {
    sub.exitOverride();
    for (const subsub of sub.commands) subsub.exitOverride();
  }
  await program.parseAsync(args, { from: 'user' });
  return out.join('');
}

async function json(...args: string[]): Promise<unknown> {
  return JSON.parse(await run(...args, '--json'));
}

async function failure(...args: string[]): Promise<CliError> {
  const error = await run(...args).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CliError);
  return error as CliError;
}

describe('cchc calendar lunar / solar', () => {
  it('converts solar to lunar', async () => {
    expect(await json('calendar', 'lunar', '2026-02-17')).toMatchObject({
      solar: '2026-02-17',
      lunar: { day: 1, month: 1, year: 2026, leap: false },
      yearName: 'Bính Ngọ',
    });
    out = [];
    expect(await run('calendar', 'lunar', '17/02/2026')).toBe(
      'Ngày 17/02/2026 dương lịch là ngày 01/01 năm Bính Ngọ (2026) âm lịch\n',
    );
  });

  it('converts lunar to solar, leap months included', async () => {
    expect(await json('calendar', 'solar', '--lunar', '1/1/2026')).toMatchObject({ solar: '2026-02-17' });
    out = [];
    expect(await json('calendar', 'solar', '--lunar', '1/2/2023', '--leap')).toMatchObject({ solar: '2023-03-22' });
    out = [];
    expect(await run('calendar', 'solar', '--lunar', '1/1/1985')).toBe(
      'Ngày 01/01 năm Ất Sửu (1985) âm lịch là ngày 21/01/1985 (Thứ Hai) dương lịch\n',
    );
  });

  it('explains bad lunar input', async () => {
    expect((await failure('calendar', 'solar', '--lunar', '1/3/2023', '--leap')).message).toBe(
      'Năm âm lịch 2023 không có tháng 3 nhuận.',
    );
    const bad = await failure('calendar', 'solar', '--lunar', 'mùng một Tết');
    expect(bad.exitCode).toBe(2);
    expect(bad.message).toMatch(/cần dạng dd\/mm\/yyyy/);
  });
});

describe('cchc calendar holidays / workdays / add', () => {
  it('lists the announced days of a year with their legal references', async () => {
    const result = (await json('calendar', 'holidays', '--year', '2025')) as {
      confirmed: boolean;
      weekdaysOff: number;
      makeupWorkdays: number;
      days: { date: string; kind: string; reason: string; legalRef: string }[];
    };
    expect(result.confirmed).toBe(true);
    expect(result.weekdaysOff).toBe(12);
    expect(result.makeupWorkdays).toBe(1);
    expect(result.days.find((d) => d.date === '2025-04-26')).toMatchObject({
      kind: 'makeup_workday',
      reason: 'Làm bù cho ngày 02/05/2025',
      legalRef: 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024',
    });
  });

  it('marks a forecast year in the text output', async () => {
    const text = await run('calendar', 'holidays', '--year', '2030');
    expect(text).toMatch(/^Lịch nghỉ lễ, tết năm 2030 của cơ quan hành chính \(DỰ KIẾN/);
    expect(text).toContain('01/01/2030  Nghỉ lễ, tết: Tết Dương lịch');
  });

  it('counts working days', async () => {
    expect(await json('calendar', 'workdays', '--from', '2026-02-01', '--to', '2026-02-28')).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
      workdays: 15,
    });
    out = [];
    expect(await run('calendar', 'workdays', '--from', '01/01/2027', '--to', '31/01/2027')).toBe(
      'Từ 01/01/2027 đến 31/01/2027 có 20 ngày làm việc. (Năm 2027 dùng lịch dự kiến, chưa có thông báo chính thức.)\n',
    );
  });

  it('adds working days', async () => {
    expect(await json('calendar', 'add', '--from', '2026-02-13', '--days', '3')).toEqual({
      from: '2026-02-13',
      days: 3,
      date: '2026-02-25',
    });
    out = [];
    expect(await run('calendar', 'add', '--from', '2026-02-13', '--days', '3')).toBe(
      '3 ngày làm việc sau 13/02/2026 (Thứ Sáu) là 25/02/2026 (Thứ Tư).\n',
    );
  });

  it('rejects bad dates and numbers with exit code 2', async () => {
    const date = await failure('calendar', 'workdays', '--from', '2026-02-30', '--to', '2026-03-01');
    expect(date.message).toBe('--from: Ngày không hợp lệ: "2026-02-30" (không có ngày này trong lịch).');
    expect(date.exitCode).toBe(2);
    const days = await failure('calendar', 'add', '--from', '2026-02-13', '--days', 'abc');
    expect(days.message).toBe('--days: số ngày không hợp lệ: "abc" (cần một số nguyên).');
    expect(days.exitCode).toBe(2);
    expect((await failure('calendar', 'workdays', '--from', '2026-03-01', '--to', '2026-02-01')).message).toMatch(
      /đứng trước ngày bắt đầu/,
    );
    expect((await failure('calendar', 'holidays', '--year', '20x6')).message).toMatch(/--year: năm không hợp lệ/);
  });
});

describe('cchc calendar due', () => {
  it('computes the appointment date with a supplement pause', async () => {
    expect(
      await json(
        'calendar', 'due',
        '--received', '2026-03-09T09:00',
        '--days', '5',
        '--pause', '2026-03-11T10:00..2026-03-13T15:00',
      ),
    ).toMatchObject({ dueDate: '2026-03-18', pausedWorkingDays: 2, countFrom: '2026-03-09' });
  });

  it('rejects a bad receipt time', async () => {
    expect((await failure('calendar', 'due', '--received', 'sáng nay', '--days', '5')).message).toMatch(
      /Thời điểm không hợp lệ: "sáng nay"/,
    );
  });
});

describe('cchc period', () => {
  it('gives the Decree 09/2019 window by default', async () => {
    expect(await json('period', '2024-Q1')).toMatchObject({ id: '2024-Q1', from: '2023-12-15', to: '2024-03-14', label: 'Quý I năm 2024' });
  });

  it('follows another rule', async () => {
    expect(await json('period', '2022-H1', '--rule', 'day:10')).toMatchObject({
      id: '2022-H1',
      from: '2021-12-10',
      to: '2022-06-09',
      label: '6 tháng đầu năm 2022',
    });
    out = [];
    expect(await json('period', '2024-M11', '--rule', 'calendar', '--deadline-days', '0')).toMatchObject({
      from: '2024-11-01',
      to: '2024-11-30',
      deadline: '2024-12-02', // 30/11/2024 is a Saturday
    });
  });

  it('rejects bad periods and rules in Vietnamese', async () => {
    const bad = await failure('period', '2024-Q5');
    expect(bad.message).toBe('Kỳ báo cáo không hợp lệ: "2024-Q5" (quý phải từ 1 đến 4).');
    expect(bad.exitCode).toBe(2);
    expect((await failure('period', '2024', '--rule', 'weekly')).message).toMatch(/Quy tắc chốt số liệu không hợp lệ/);
  });
});

describe('through main()', () => {
  it('prints JSON and exits 0', async () => {
    expect(await main(['node', 'cchc', 'period', '2024-Q1', '--json'])).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ id: '2024-Q1', from: '2023-12-15', to: '2024-03-14' });
  });

  it('writes a Vietnamese error to stderr and exits 2', async () => {
    expect(await main(['node', 'cchc', 'period', '2024-Q5'])).toBe(2);
    expect(err.join('')).toBe('Lỗi: Kỳ báo cáo không hợp lệ: "2024-Q5" (quý phải từ 1 đến 4).\n');
    err = [];
    expect(await main(['node', 'cchc', 'calendar', 'add', '--from', '2026-02-13', '--days', 'abc'])).toBe(2);
    expect(err.join('')).toContain('--days: số ngày không hợp lệ: "abc"');
    err = [];
    expect(await main(['node', 'cchc', 'calendar', 'lunar', '2026-02-17'])).toBe(0);
    expect(out.join('')).toContain('Ngày 17/02/2026 dương lịch là ngày 01/01 năm Bính Ngọ (2026) âm lịch');
  });
});
