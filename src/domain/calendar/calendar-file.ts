import { parse as parseYaml, stringify as stringifyYaml, YAMLParseError } from 'yaml';
import { CalendarError } from './errors';
import { formatIso, isValidPlainDate, weekdayOf, type IsoDate } from './plain-date';
import { DAY_KINDS, type DayKind, type ScheduleDay, type YearSchedule } from './schedule';

/**
 * Reading and writing the yearly calendar files (`calendars/<year>.yaml`). Pure: takes text,
 * returns typed data, or throws a CalendarError whose Vietnamese message names the file and
 * the entry at fault.
 *
 * Format:
 *
 *   year: 2025
 *   confirmed: true            # false for a forecast not yet announced
 *   sources:                   # documents the schedule rests on
 *     - Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024 …
 *   notes: …                   # optional
 *   days:
 *     - date: 2025-05-02
 *       kind: swapped_day_off  # holiday | day_off | swapped_day_off | makeup_workday
 *       reason: Nghỉ hoán đổi, làm bù vào Thứ Bảy 26/04/2025
 *       legal_ref: Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024
 *       swap_with: 2025-04-26  # optional, the other day of a swap
 */

const TOP_KEYS = new Set(['year', 'confirmed', 'sources', 'notes', 'days']);
const DAY_KEYS = new Set(['date', 'kind', 'reason', 'legal_ref', 'swap_with']);

function fail(fileName: string, where: string, problem: string): never {
  throw new CalendarError('invalid_calendar_file', `Tệp lịch "${fileName}"${where}: ${problem}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readDate(value: unknown, fileName: string, where: string, field: string): IsoDate {
  // YAML 1.2 reads 2025-01-01 as a string; a YAML 1.1 reader would give a Date.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
  if (typeof text !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    fail(fileName, where, `"${field}" phải là ngày dạng YYYY-MM-DD.`);
  }
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  if (!isValidPlainDate(y, m, d)) fail(fileName, where, `ngày "${text}" không có trong lịch.`);
  return formatIso({ year: y, month: m, day: d });
}

function readText(value: unknown, fileName: string, where: string, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(fileName, where, `thiếu "${field}" (một dòng chữ tiếng Việt).`);
  }
  return value.trim();
}

function isWeekend(date: IsoDate): boolean {
  return weekdayOf(date) >= 6;
}

/** Parses and validates one calendar file. `fileName` only serves the error messages. */
export function parseCalendarFile(text: string, fileName: string, expectedYear?: number): YearSchedule {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const detail = error instanceof YAMLParseError ? ` (dòng ${error.linePos?.[0]?.line ?? '?'})` : '';
    fail(fileName, '', `không đọc được YAML${detail}.`);
  }
  if (!isRecord(data)) fail(fileName, '', 'nội dung phải là một bảng khóa – giá trị (year, confirmed, days…).');
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.has(key)) fail(fileName, '', `khóa "${key}" không được hỗ trợ.`);
  }
  const year = data.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1900 || year > 2100) {
    fail(fileName, '', '"year" phải là một năm từ 1900 đến 2100.');
  }
  if (expectedYear !== undefined && year !== expectedYear) {
    fail(fileName, '', `"year: ${year}" không khớp với năm ${expectedYear} của tên tệp.`);
  }
  if (typeof data.confirmed !== 'boolean') {
    fail(fileName, '', '"confirmed" phải là true (đã có thông báo chính thức) hoặc false (dự kiến).');
  }
  const sources = data.sources ?? [];
  if (!Array.isArray(sources) || sources.some((s) => typeof s !== 'string' || s.trim() === '')) {
    fail(fileName, '', '"sources" phải là danh sách tên văn bản.');
  }
  if (data.notes !== undefined && typeof data.notes !== 'string') {
    fail(fileName, '', '"notes" phải là một đoạn chữ.');
  }
  if (!Array.isArray(data.days)) fail(fileName, '', 'thiếu danh sách "days".');

  const days: ScheduleDay[] = [];
  const seen = new Set<string>();
  data.days.forEach((raw: unknown, index: number) => {
    const at = ` mục ${index + 1}`;
    if (!isRecord(raw)) fail(fileName, at, 'mỗi mục phải có date, kind, reason, legal_ref.');
    const date = readDate(raw.date, fileName, at, 'date');
    const where = `${at} (${date})`;
    for (const key of Object.keys(raw)) {
      if (!DAY_KEYS.has(key)) fail(fileName, where, `khóa "${key}" không được hỗ trợ.`);
    }
    if (Number(date.slice(0, 4)) !== year) fail(fileName, where, `ngày không thuộc năm ${year}.`);
    if (seen.has(date)) fail(fileName, where, 'ngày này đã có ở một mục khác.');
    seen.add(date);
    const kind = raw.kind;
    if (typeof kind !== 'string' || !DAY_KINDS.includes(kind as DayKind)) {
      fail(fileName, where, `"kind" phải là một trong: ${DAY_KINDS.join(', ')}.`);
    }
    const reason = readText(raw.reason, fileName, where, 'reason');
    const legalRef = readText(raw.legal_ref, fileName, where, 'legal_ref');
    if (kind === 'makeup_workday' && !isWeekend(date)) {
      fail(fileName, where, 'ngày làm bù (makeup_workday) phải là thứ Bảy hoặc Chủ nhật.');
    }
    if (kind !== 'makeup_workday' && isWeekend(date)) {
      fail(fileName, where, `ngày nghỉ (${kind}) trùng ngày nghỉ hằng tuần; chỉ ghi ngày nghỉ bù rơi vào ngày làm việc.`);
    }
    const day: ScheduleDay =
      raw.swap_with === undefined
        ? { date, kind: kind as DayKind, reason, legalRef }
        : { date, kind: kind as DayKind, reason, legalRef, swapWith: readDate(raw.swap_with, fileName, where, 'swap_with') };
    days.push(day);
  });
  for (const day of days) {
    if (day.kind === 'swapped_day_off' || day.kind === 'makeup_workday') {
      const partner = days.find((d) => d.date === day.swapWith);
      const wanted = day.kind === 'swapped_day_off' ? 'makeup_workday' : 'swapped_day_off';
      if (day.swapWith !== undefined && partner && partner.kind !== wanted) {
        fail(fileName, ` ngày ${day.date}`, `"swap_with" phải trỏ tới một ngày loại ${wanted}.`);
      }
    }
  }
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  const schedule: YearSchedule = {
    year,
    confirmed: data.confirmed,
    origin: 'file',
    sources: (sources as string[]).map((s) => s.trim()),
    days,
  };
  return typeof data.notes === 'string' ? { ...schedule, notes: data.notes.trim() } : schedule;
}

/** Writes a schedule in the calendar file format (e.g. to seed a forecast year for an admin). */
export function formatCalendarFile(schedule: YearSchedule, header?: string): string {
  const doc: Record<string, unknown> = {
    year: schedule.year,
    confirmed: schedule.confirmed,
    sources: [...schedule.sources],
  };
  if (schedule.notes) doc.notes = schedule.notes;
  doc.days = schedule.days.map((d) => {
    const entry: Record<string, unknown> = {
      date: d.date,
      kind: d.kind,
      reason: d.reason,
      legal_ref: d.legalRef,
    };
    if (d.swapWith) entry.swap_with = d.swapWith;
    return entry;
  });
  const body = stringifyYaml(doc, { lineWidth: 0 });
  const comment = header
    ? header
        .split('\n')
        .map((line) => `# ${line}`.trimEnd())
        .join('\n') + '\n'
    : '';
  return comment + body;
}
