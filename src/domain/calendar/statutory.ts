import { lunarToSolarIso, solarToLunar, tetDate, canChiOfYear, type LunarDate } from './lunar';
import { addDays, formatVn, weekdayNameVn, weekdayOf, type IsoDate } from './plain-date';
import type { ScheduleDay, YearSchedule } from './schedule';

/**
 * The schedule a year gets from the law alone, used when no calendar file exists for it (and
 * to seed a forecast file an admin can correct once the Government announces the year):
 *
 * - Labour Code 2019 (45/2019/QH14) art. 112(1), in force from 2021 — earlier years follow the
 *   Labour Code 2012 art. 115(1): 1/1; Tết Âm lịch 5 days (4 before 2013); Giỗ Tổ Hùng Vương
 *   10/3 lunar (from 2007); 30/4; 1/5; Quốc khánh 2/9 plus, from 2021, one adjacent day;
 * - from 2026, Ngày Văn hóa Việt Nam 24/11 (Nghị quyết 28/2026/QH16, art. 2);
 * - art. 111(3) (2012: art. 115(3)): a holiday on a weekly rest day (Saturday or Sunday for
 *   civil servants) is made up on the next working day.
 *
 * Art. 112(3) leaves the exact Tết days and the second Quốc khánh day to the Prime Minister
 * each year. Our convention, marked `confirmed: false`:
 * - Tết: the last day of the old lunar year and the first four days of the new one;
 * - Quốc khánh: the adjacent day that joins 2/9 to a weekend (Mon → Tue 3/9, Tue → Mon 1/9,
 *   Wed → Tue 1/9, Thu → Fri 3/9, Fri → Thu 1/9, Sat → Fri 1/9, Sun → Mon 3/9), the choice the
 *   announcements made from 2021 to 2026.
 * Swaps with make-up Saturdays are never guessed.
 */

const LAW_2019 = 'Bộ luật Lao động 2019 (45/2019/QH14)';
const LAW_2012 = 'Bộ luật Lao động 2012 (10/2012/QH13)';
const CULTURE_DAY_REF = 'Nghị quyết 28/2026/QH16, Điều 2 (Ngày Văn hóa Việt Nam 24/11)';
const FORECAST_NOTE = 'dự kiến, chưa có thông báo của Thủ tướng Chính phủ';

interface Holiday {
  readonly date: IsoDate;
  readonly reason: string;
  readonly legalRef: string;
  /** Whether a weekend occurrence is made up on the next working day (art. 111(3)). */
  readonly madeUp: boolean;
}

function lawName(year: number): string {
  return year >= 2021 ? LAW_2019 : LAW_2012;
}

function holidayArticle(year: number, point: string): string {
  return year >= 2021
    ? `${LAW_2019}, Điều 112 khoản 1 điểm ${point}`
    : `${LAW_2012}, Điều 115 khoản 1 điểm ${point}`;
}

function makeUpArticle(year: number): string {
  return year >= 2021 ? `${LAW_2019}, Điều 111 khoản 3` : `${LAW_2012}, Điều 115 khoản 3`;
}

const LUNAR_MONTH_NAMES: Record<number, string> = { 1: 'tháng Giêng', 12: 'tháng Chạp' };

/** "29 tháng Chạp", "mùng 1 tháng Giêng". */
export function lunarDayLabel(lunar: LunarDate): string {
  const day = lunar.day <= 10 ? `mùng ${lunar.day}` : String(lunar.day);
  const month = LUNAR_MONTH_NAMES[lunar.month] ?? `tháng ${lunar.month}`;
  return `${day} ${month}${lunar.leap ? ' nhuận' : ''}`;
}

/** The Tết days of the Tết that falls in solar year `year` (convention: eve + first 4 days). */
function tetHolidays(year: number): Holiday[] {
  const tet = tetDate(year);
  const daysAfter = year >= 2013 ? 3 : 2;
  const ref = `${holidayArticle(year, 'b')}; ngày cụ thể: ${FORECAST_NOTE}`;
  const result: Holiday[] = [];
  for (let offset = -1; offset <= daysAfter; offset++) {
    const date = addDays(tet, offset);
    const lunar = solarToLunar(date);
    const yearName = canChiOfYear(lunar.year);
    result.push({
      date,
      reason: `Tết Nguyên đán (${lunarDayLabel(lunar)} năm ${yearName})`,
      legalRef: ref,
      madeUp: true,
    });
  }
  return result;
}

/** Offset of the second Quốc khánh day from 2/9, by the weekday of 2/9 (ISO 1 = Monday). */
const NATIONAL_DAY_ADJACENT: Record<number, number> = { 1: 1, 2: -1, 3: -1, 4: 1, 5: -1, 6: -1, 7: 1 };

function statutoryHolidays(year: number): Holiday[] {
  const list: Holiday[] = [
    { date: `${year}-01-01`, reason: 'Tết Dương lịch', legalRef: holidayArticle(year, 'a'), madeUp: true },
    ...tetHolidays(year),
    { date: `${year}-04-30`, reason: 'Ngày Chiến thắng (30/4)', legalRef: holidayArticle(year, 'c'), madeUp: true },
    { date: `${year}-05-01`, reason: 'Ngày Quốc tế Lao động (1/5)', legalRef: holidayArticle(year, 'd'), madeUp: true },
    { date: `${year}-09-02`, reason: 'Quốc khánh (2/9)', legalRef: holidayArticle(year, 'đ'), madeUp: true },
  ];
  if (year >= 2007) {
    list.push({
      date: lunarToSolarIso({ day: 10, month: 3, year }),
      reason: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
      legalRef: holidayArticle(year, 'e'),
      madeUp: true,
    });
  }
  if (year >= 2021) {
    const offset = NATIONAL_DAY_ADJACENT[weekdayOf(`${year}-09-02`)] ?? 1;
    list.push({
      date: addDays(`${year}-09-02`, offset),
      reason: `Quốc khánh (ngày liền kề ${offset < 0 ? 'trước' : 'sau'} 2/9)`,
      legalRef: `${holidayArticle(year, 'đ')}; ngày liền kề: ${FORECAST_NOTE}`,
      madeUp: true,
    });
  }
  if (year >= 2026) {
    list.push({ date: `${year}-11-24`, reason: 'Ngày Văn hóa Việt Nam (24/11)', legalRef: CULTURE_DAY_REF, madeUp: false });
  }
  return list.sort((a, b) => (a.date < b.date ? -1 : 1));
}

function isWeekend(date: IsoDate): boolean {
  return weekdayOf(date) >= 6;
}

/** The schedule of `year` from the law alone, marked `confirmed: false`. */
export function statutorySchedule(year: number): YearSchedule {
  const holidays = statutoryHolidays(year);
  const off = new Set(holidays.map((h) => h.date));
  const days: ScheduleDay[] = [];
  for (const h of holidays) {
    if (!isWeekend(h.date)) {
      days.push({ date: h.date, kind: 'holiday', reason: h.reason, legalRef: h.legalRef });
    }
  }
  for (const h of holidays) {
    if (!isWeekend(h.date) || !h.madeUp) continue;
    let date = addDays(h.date, 1);
    while (isWeekend(date) || off.has(date)) date = addDays(date, 1);
    off.add(date);
    const name = h.reason.replace(/ \(.*\)$/, '');
    days.push({
      date,
      kind: 'day_off',
      reason: `Nghỉ bù ${name} (${formatVn(h.date)} trùng ${weekdayNameVn(h.date)})`,
      legalRef: makeUpArticle(year),
    });
  }
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return {
    year,
    confirmed: false,
    origin: 'statutory',
    sources: [
      `${lawName(year)}, ${year >= 2021 ? 'Điều 111 khoản 3 và Điều 112' : 'Điều 115'}`,
      ...(year >= 2026 ? [CULTURE_DAY_REF] : []),
      `Ngày nghỉ Tết và ngày liền kề Quốc khánh: ${FORECAST_NOTE} (quy ước của CCHC)`,
    ],
    notes:
      'Lịch dự kiến tính từ luật: Tết nghỉ ngày cuối năm âm lịch và 4 ngày đầu năm mới; ' +
      'ngày lễ trùng thứ Bảy, Chủ nhật được nghỉ bù vào ngày làm việc kế tiếp; không dự đoán hoán đổi ngày làm việc. ' +
      'Cần sửa theo thông báo chính thức khi có.',
    days,
  };
}
