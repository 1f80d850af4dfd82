import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { addWorkingDays } from '../../domain/calendar/working-days';
import type { WorkCalendar } from '../../domain/calendar/working-days';
import { addDays } from '../../domain/calendar/plain-date';
import type { Procedure } from '../../domain/procedures/procedure';
import { DOSSIER_HEADERS } from '../../domain/dossiers/dossier-row';

/** A small deterministic PRNG (mulberry32): the same seed gives the same demo. */
export function seededRandom(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  unitCodes: string[];
  procedures: Procedure[];
  calendar: WorkCalendar;
  from: string;
  to: string;
  count: number;
  /** Day the export is taken: dossiers due after it are still pending. */
  exportDay?: string;
  seed?: number;
  codePrefix?: string;
}

const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const yes = (b: boolean) => (b ? 'Có' : 'Không');

/**
 * Realistic one-stop dossiers in the canonical export format: received on working days in
 * office hours (online ones any day), a channel mix that follows each procedure's online mode,
 * most resolved early, some on the day, a few late, refused or withdrawn, recent ones pending.
 * A few procedures take most of the volume, as in real communes (Zipf-like weights).
 */
export function* generateDossierRows(options: GenerateOptions): Generator<string[]> {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const weights = options.procedures.map((_, i) => 1 / (i + 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickProcedure = () => {
    let r = random() * totalWeight;
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) <= 0) return options.procedures[i]!;
    return options.procedures.at(-1)!;
  };
  const days: string[] = [];
  const workingDays: string[] = [];
  for (let day = options.from; day <= options.to; day = addDays(day, 1)) {
    days.push(day);
    if (options.calendar.isWorkingDay(day)) workingDays.push(day);
  }
  const dueCache = new Map<string, string>();
  const dueOf = (day: string, n: number) => {
    const key = `${day}|${n}`;
    let due = dueCache.get(key);
    if (!due) dueCache.set(key, (due = addWorkingDays(options.calendar, day, n)));
    return due;
  };
  const exportDay = options.exportDay ?? options.to;
  const prefix = options.codePrefix ?? 'DEMO';

  for (let i = 0; i < options.count; i++) {
    const procedure = pickProcedure();
    const onlineShare = procedure.onlineMode === 'full' ? 0.65 : procedure.onlineMode === 'partial' ? 0.3 : 0;
    const r = random();
    const channel = r < onlineShare ? 'Trực tuyến' : r < onlineShare + 0.02 ? 'Bưu chính công ích' : 'Trực tiếp';
    const received = channel === 'Trực tuyến' && random() < 0.15 ? pick(days) : pick(workingDays);
    const receivedMinutes = channel === 'Trực tuyến' ? Math.floor(random() * 1440) : 450 + Math.floor(random() * 570);
    const officeDay = options.calendar.isWorkingDay(received) && receivedMinutes < 1020 ? received : dueOf(received, 1);
    const due = dueOf(officeDay, procedure.statutoryDays);
    const outcome = random();
    let status: string;
    let result = '';
    let delivered = '';
    let finishedDay: string | null = null;
    if (outcome < 0.03) {
      status = 'Trả lại';
      finishedDay = dueOf(officeDay, Math.min(1, procedure.statutoryDays));
    } else if (outcome < 0.04) {
      status = 'Rút hồ sơ';
      finishedDay = dueOf(officeDay, Math.floor(random() * 3));
    } else if (outcome < 0.06) {
      status = random() < 0.7 ? 'Chờ bổ sung' : 'Tạm dừng';
    } else {
      const timing = random();
      const offset =
        timing < 0.7 ? -Math.floor(random() * Math.max(1, procedure.statutoryDays)) - (procedure.statutoryDays > 0 ? 1 : 0) : timing < 0.92 ? 0 : 1 + Math.floor(random() * 5);
      const base = offset <= 0 ? dueOf(officeDay, Math.max(0, procedure.statutoryDays + offset)) : dueOf(due, offset);
      finishedDay = base < officeDay ? officeDay : base;
      status = 'Đã trả kết quả';
    }
    if (finishedDay && finishedDay > exportDay) {
      status = 'Đang giải quyết';
      finishedDay = null;
    }
    if (finishedDay) {
      result = `${vi(finishedDay)} ${hhmm(480 + Math.floor(random() * 540))}`;
      if (status === 'Đã trả kết quả') {
        const handed = dueOf(finishedDay, random() < 0.8 ? 0 : 1);
        if (handed > exportDay) status = 'Đã có kết quả';
        else delivered = `${vi(handed)} ${hhmm(480 + Math.floor(random() * 540))}`;
      }
    }
    const resolved = status === 'Đã trả kết quả' || status === 'Đã có kết quả';
    const fee = procedure.hasFee;
    const paid = fee && random() < (channel === 'Trực tuyến' ? 0.7 : 0.15);
    const rating = resolved && random() < 0.4 ? (random() < 0.7 ? 'Rất hài lòng' : random() < 0.9 ? 'Hài lòng' : 'Không hài lòng') : '';
    yield [
      `${prefix}-${String(i + 1).padStart(7, '0')}`,
      pick(options.unitCodes),
      procedure.code,
      procedure.name,
      procedure.field,
      '',
      channel,
      `${vi(received)} ${hhmm(receivedMinutes)}`,
      `${vi(due)} 17:00`,
      result,
      delivered,
      status,
      yes(random() < 0.75),
      yes(resolved && random() < 0.6),
      yes(fee),
      yes(paid),
      rating,
    ];
  }
}

export const GENERATED_HEADER = Object.values(DOSSIER_HEADERS).map((names) => names[0]);

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Writes generated dossiers to a CSV file, streaming. */
export async function writeDossierCsv(path: string, rows: Iterable<string[]>): Promise<number> {
  const out = createWriteStream(path);
  let count = 0;
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(`${GENERATED_HEADER.map(csvCell).join(',')}\n`);
  for (const row of rows) {
    await write(`${row.map(csvCell).join(',')}\n`);
    count += 1;
  }
  out.end();
  await once(out, 'finish');
  return count;
}
