import type { Command } from 'commander';
import { CalendarError } from '../../domain/calendar/errors';
import { formatDateTimeVn, parseDateTime } from '../../domain/calendar/date-time';
import { dossierDueDate, type PauseInterval } from '../../domain/calendar/deadline';
import { canChiOfYear, lunarToSolar, solarToLunar, type LunarDate } from '../../domain/calendar/lunar';
import { formatIso, formatVn, normalizeDate, weekdayNameVn, type IsoDate } from '../../domain/calendar/plain-date';
import { DAY_KIND_LABELS } from '../../domain/calendar/schedule';
import { addWorkingDays, countWorkingDays, type WorkCalendar } from '../../domain/calendar/working-days';
import {
  PeriodError,
  cumulativeWindow,
  cutoffRuleLabel,
  cutoffWindow,
  formatCutoffRule,
  parseCutoffRule,
  parsePeriodId,
  periodLabel,
  reportingDeadline,
} from '../../domain/period';
import { loadWorkCalendar } from '../../services/calendar-files';
import { CliError } from '../cli-error';
import { printResult } from '../output';

/** Turns domain input errors into CLI errors (exit code 2; 1 for a broken calendar file). */
async function run(action: () => void | Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof CalendarError) {
      throw new CliError(error.message, error.code === 'invalid_calendar_file' ? 1 : 2);
    }
    if (error instanceof PeriodError) throw new CliError(error.message, 2);
    throw error;
  }
}

function dateOption(value: string, name: string): IsoDate {
  try {
    return normalizeDate(value);
  } catch (error) {
    if (error instanceof CalendarError) throw new CliError(`${name}: ${error.message}`, 2);
    throw error;
  }
}

function integerOption(value: string, name: string, what: string): number {
  if (!/^[+-]?\d+$/.test(value.trim())) {
    throw new CliError(`${name}: ${what} không hợp lệ: "${value}" (cần một số nguyên).`, 2);
  }
  return Number(value);
}

function yearOption(value: string): number {
  const year = integerOption(value, '--year', 'năm');
  if (year < 1900 || year > 2100) throw new CliError(`--year: năm ${year} nằm ngoài khoảng 1900–2100.`, 2);
  return year;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "01/01 năm Bính Ngọ (2026)", "01/02 nhuận năm Quý Mão (2023)". */
function lunarText(lunar: LunarDate): string {
  return `${pad2(lunar.day)}/${pad2(lunar.month)}${lunar.leap ? ' nhuận' : ''} năm ${canChiOfYear(lunar.year)} (${lunar.year})`;
}

function parseLunarInput(text: string): { day: number; month: number; year: number } {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) throw new CliError(`--lunar: ngày âm lịch không hợp lệ: "${text}" (cần dạng dd/mm/yyyy, ví dụ 1/1/2026).`, 2);
  return { day: Number(m[1]), month: Number(m[2]), year: Number(m[3]) };
}

function dayWithWeekday(date: IsoDate): string {
  return `${formatVn(date)} (${weekdayNameVn(date)})`;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function parsePause(text: string): PauseInterval {
  const [from, to, ...rest] = text.split('..').map((s) => s.trim());
  if (!from || rest.length > 0) {
    throw new CliError(`--pause: khoảng tạm dừng không hợp lệ: "${text}" (cần dạng <từ>..<đến> hoặc <từ>.. khi chưa nhận lại hồ sơ).`, 2);
  }
  return to ? { from, to } : { from };
}

export function registerCalendarCommands(program: Command): void {
  const calendar = program
    .command('calendar')
    .description('lịch âm, ngày làm việc, ngày nghỉ lễ và hạn giải quyết hồ sơ');

  calendar
    .command('lunar')
    .description('đổi ngày dương lịch sang âm lịch (giờ Việt Nam, UTC+7)')
    .argument('<ngày>', 'ngày dương lịch, YYYY-MM-DD hoặc dd/mm/yyyy')
    .option('--json', 'in kết quả dạng JSON')
    .action((date: string, options: { json?: boolean }) =>
      run(() => {
        const solar = dateOption(date, 'ngày');
        const lunar = solarToLunar(solar);
        printResult(
          Boolean(options.json),
          { solar, lunar, yearName: canChiOfYear(lunar.year), weekday: weekdayNameVn(solar) },
          () => `Ngày ${formatVn(solar)} dương lịch là ngày ${lunarText(lunar)} âm lịch`,
        );
      }),
    );

  calendar
    .command('solar')
    .description('đổi ngày âm lịch sang dương lịch')
    .requiredOption('--lunar <ngày>', 'ngày âm lịch dd/mm/yyyy, ví dụ 1/1/2026')
    .option('--leap', 'ngày thuộc tháng nhuận')
    .option('--json', 'in kết quả dạng JSON')
    .action((options: { lunar: string; leap?: boolean; json?: boolean }) =>
      run(() => {
        const lunar = { ...parseLunarInput(options.lunar), leap: Boolean(options.leap) };
        const solar = formatIso(lunarToSolar(lunar));
        printResult(
          Boolean(options.json),
          { lunar, solar, yearName: canChiOfYear(lunar.year), weekday: weekdayNameVn(solar) },
          () => `Ngày ${lunarText(lunar)} âm lịch là ngày ${dayWithWeekday(solar)} dương lịch`,
        );
      }),
    );

  calendar
    .command('holidays')
    .description('các ngày nghỉ lễ, tết, nghỉ bù, hoán đổi và làm bù trong năm')
    .requiredOption('--year <năm>', 'năm dương lịch')
    .option('--json', 'in kết quả dạng JSON')
    .action((options: { year: string; json?: boolean }) =>
      run(async () => {
        const year = yearOption(options.year);
        const cal = await loadWorkCalendar();
        const schedule = cal.scheduleFor(year);
        const days = cal.specialDays(year).map((s) => ({
          date: s.date,
          weekday: weekdayNameVn(s.date),
          working: s.working,
          kind: s.entry?.kind ?? (s.working ? 'workday' : 'day_off'),
          label: DAY_KIND_LABELS[s.entry?.kind ?? (s.working ? 'workday' : 'day_off')],
          reason: s.entry?.reason ?? '',
          legalRef: s.entry?.legalRef ?? '',
          ...(s.entry?.swapWith ? { swapWith: s.entry.swapWith } : {}),
        }));
        const value = {
          year,
          confirmed: schedule.confirmed,
          origin: schedule.origin,
          sources: schedule.sources,
          weekdaysOff: days.filter((d) => !d.working).length,
          makeupWorkdays: days.filter((d) => d.working).length,
          days,
        };
        printResult(Boolean(options.json), value, () => {
          const status = schedule.confirmed
            ? 'theo thông báo chính thức'
            : 'DỰ KIẾN — chưa có thông báo chính thức, tính theo Bộ luật Lao động';
          const lines = [`Lịch nghỉ lễ, tết năm ${year} của cơ quan hành chính (${status}):`];
          for (const d of days) {
            lines.push(`  ${d.weekday.padEnd(8)} ${formatVn(d.date)}  ${d.label}: ${d.reason}${d.legalRef ? ` [${d.legalRef}]` : ''}`);
          }
          lines.push(
            `Cộng: ${value.weekdaysOff} ngày thường được nghỉ, ${value.makeupWorkdays} ngày cuối tuần làm bù.`,
          );
          return lines.join('\n');
        });
      }),
    );

  calendar
    .command('workdays')
    .description('đếm số ngày làm việc trong một khoảng (tính cả hai đầu)')
    .requiredOption('--from <ngày>', 'ngày đầu, YYYY-MM-DD hoặc dd/mm/yyyy')
    .requiredOption('--to <ngày>', 'ngày cuối, YYYY-MM-DD hoặc dd/mm/yyyy')
    .option('--json', 'in kết quả dạng JSON')
    .action((options: { from: string; to: string; json?: boolean }) =>
      run(async () => {
        const from = dateOption(options.from, '--from');
        const to = dateOption(options.to, '--to');
        const cal = await loadWorkCalendar();
        const workdays = countWorkingDays(cal, from, to);
        const forecast = forecastYears(cal, Number(from.slice(0, 4)), Number(to.slice(0, 4)));
        printResult(Boolean(options.json), { from, to, workdays, ...(forecast.length ? { forecastYears: forecast } : {}) }, () =>
          `Từ ${formatVn(from)} đến ${formatVn(to)} có ${workdays} ngày làm việc.${forecastNote(forecast)}`,
        );
      }),
    );

  calendar
    .command('add')
    .description('ngày làm việc thứ N sau một ngày (không tính ngày bắt đầu)')
    .requiredOption('--from <ngày>', 'ngày bắt đầu, YYYY-MM-DD hoặc dd/mm/yyyy')
    .requiredOption('--days <n>', 'số ngày làm việc (âm: lùi lại)')
    .option('--json', 'in kết quả dạng JSON')
    .action((options: { from: string; days: string; json?: boolean }) =>
      run(async () => {
        const from = dateOption(options.from, '--from');
        const days = integerOption(options.days, '--days', 'số ngày');
        const cal = await loadWorkCalendar();
        const date = addWorkingDays(cal, from, days);
        const [a, b] = [from, date].sort() as [IsoDate, IsoDate];
        const forecast = forecastYears(cal, Number(a.slice(0, 4)), Number(b.slice(0, 4)));
        printResult(Boolean(options.json), { from, days, date, ...(forecast.length ? { forecastYears: forecast } : {}) }, () =>
          `${Math.abs(days)} ngày làm việc ${days < 0 ? 'trước' : 'sau'} ${dayWithWeekday(from)} là ${dayWithWeekday(date)}.${forecastNote(forecast)}`,
        );
      }),
    );

  calendar
    .command('due')
    .description('hạn trả kết quả hồ sơ: tiếp nhận lúc nào, thời hạn bao nhiêu ngày làm việc, tạm dừng chờ bổ sung')
    .requiredOption('--received <thời điểm>', 'thời điểm tiếp nhận, ví dụ 2026-02-13T16:30 (giờ Việt Nam) hoặc "13/02/2026 16:30"')
    .requiredOption('--days <n>', 'thời hạn giải quyết, số ngày làm việc')
    .option('--pause <từ..đến>', 'khoảng chờ công dân bổ sung hồ sơ (lặp lại được); bỏ trống "đến" nếu chưa nhận lại', collect, [])
    .option('--closing <HH:mm>', 'giờ kết thúc tiếp nhận trong ngày', '17:00')
    .option('--json', 'in kết quả dạng JSON')
    .action((options: { received: string; days: string; pause: string[]; closing: string; json?: boolean }) =>
      run(async () => {
        const workingDays = integerOption(options.days, '--days', 'số ngày');
        const pauses = options.pause.map(parsePause);
        const cal = await loadWorkCalendar();
        const due = dossierDueDate(cal, {
          receivedAt: options.received,
          workingDays,
          pauses,
          closingTime: options.closing,
        });
        printResult(Boolean(options.json), due, () => {
          const received = formatDateTimeVn(parseDateTime(due.receivedAt));
          const head = `Hồ sơ tiếp nhận lúc ${received}, tính là ngày ${formatVn(due.countFrom)}; thời hạn ${workingDays} ngày làm việc`;
          const paused = due.pausedWorkingDays ? `, cộng ${due.pausedWorkingDays} ngày làm việc tạm dừng chờ bổ sung` : '';
          if (due.status === 'paused' || !due.dueDate) {
            return `${head}${paused}. Đang tạm dừng chờ bổ sung hồ sơ; đã dùng ${due.consumedWorkingDays} ngày làm việc.`;
          }
          return `${head}${paused}. Hẹn trả kết quả: ${dayWithWeekday(due.dueDate)}.`;
        });
      }),
    );

  program
    .command('period')
    .description('kỳ báo cáo: khoảng số liệu theo quy tắc chốt số liệu')
    .argument('<kỳ>', 'mã kỳ: 2024, 2024-Q1, 2024-M11, 2022-H1, 2023-9M hoặc 2024-01-05..2024-02-10')
    .option('--rule <quy tắc>', 'nd09 (Nghị định 09/2019, mặc định), calendar hoặc day:D', 'nd09')
    .option('--deadline-days <n>', 'số ngày sau ngày chốt số liệu phải gửi báo cáo')
    .option('--json', 'in kết quả dạng JSON')
    .action((id: string, options: { rule: string; deadlineDays?: string; json?: boolean }) =>
      run(async () => {
        const period = parsePeriodId(id);
        const rule = parseCutoffRule(options.rule);
        const window = cutoffWindow(period, rule);
        const cumulative = cumulativeWindow(period, rule);
        let deadline: IsoDate | undefined;
        if (options.deadlineDays !== undefined) {
          const days = integerOption(options.deadlineDays, '--deadline-days', 'số ngày');
          deadline = reportingDeadline(period, rule, days, { calendar: await loadWorkCalendar() });
        }
        const value = {
          id: period.id,
          from: window.from,
          to: window.to,
          label: periodLabel(period),
          rule: formatCutoffRule(rule),
          cumulative,
          ...(deadline ? { deadline } : {}),
        };
        printResult(Boolean(options.json), value, () =>
          [
            `${value.label} (${period.id}): số liệu từ ${formatVn(window.from)} đến ${formatVn(window.to)}.`,
            `Quy tắc chốt số liệu: ${cutoffRuleLabel(rule)}.`,
            `Lũy kế từ đầu năm: ${formatVn(cumulative.from)} – ${formatVn(cumulative.to)}.`,
            ...(deadline ? [`Hạn gửi báo cáo: ${dayWithWeekday(deadline)}.`] : []),
          ].join('\n'),
        );
      }),
    );
}

/** Years in [fromYear, toYear] whose schedule is only a forecast. */
function forecastYears(cal: WorkCalendar, fromYear: number, toYear: number): number[] {
  const years: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (!cal.scheduleFor(y).confirmed) years.push(y);
  return years;
}

function forecastNote(years: number[]): string {
  return years.length ? ` (Năm ${years.join(', ')} dùng lịch dự kiến, chưa có thông báo chính thức.)` : '';
}
