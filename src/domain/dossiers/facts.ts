import type { OnlineMode } from '../procedures/procedure';
import { isFinished, isResolved, timelinessOf, type Channel, type DossierFacts } from './dossier';

/**
 * Daily pre-aggregates of the flows of a window: each dossier adds counts on the day each
 * thing happens to it (received, resolved, returned…). Summing a window's days gives every
 * flow statistic, so a report costs O(units × days), not O(dossiers). Stocks (carried over,
 * pending) are the dossiers open on a date, read from the dossiers themselves (see metrics.ts).
 */
export const FACT_COLUMNS = [
  'received', // on the receipt day
  'received_full_mode', // received, for a toàn trình procedure (any channel)
  'received_partial_mode', // received, for a một phần procedure (any channel)
  'digitized_input', // of received
  'with_fee', // of received
  'paid_online', // of with_fee
  'resolved_early', // on the result day
  'resolved_on_time',
  'resolved_late',
  'digitized_output', // of resolved
  'returned', // on the day it was refused / returned for not meeting conditions
  'withdrawn', // on the day it was withdrawn
  'rating_very_satisfied', // of resolved, on the result day
  'rating_satisfied',
  'rating_unsatisfied',
] as const;
export type FactColumn = (typeof FACT_COLUMNS)[number];
export type FactCounts = Record<FactColumn, number>;

export const emptyCounts = (): FactCounts =>
  Object.fromEntries(FACT_COLUMNS.map((column) => [column, 0])) as FactCounts;

export interface FactKey {
  unitId: number;
  procedureId: number;
  channel: Channel;
  day: string;
}

export interface FactRow extends FactKey {
  counts: FactCounts;
}

export interface DossierForFacts extends DossierFacts {
  onlineMode: OnlineMode;
}

/** The (key, column) pairs one dossier adds 1 to. */
export function factsOf(d: DossierForFacts): Array<{ key: FactKey; column: FactColumn }> {
  const key = (day: string): FactKey => ({ unitId: d.unitId, procedureId: d.procedureId, channel: d.channel, day });
  const received = key(d.receivedDay);
  const out: Array<{ key: FactKey; column: FactColumn }> = [{ key: received, column: 'received' }];
  if (d.onlineMode === 'full') out.push({ key: received, column: 'received_full_mode' });
  if (d.onlineMode === 'partial') out.push({ key: received, column: 'received_partial_mode' });
  if (d.digitizedInput) out.push({ key: received, column: 'digitized_input' });
  if (d.hasFee) {
    out.push({ key: received, column: 'with_fee' });
    if (d.paidOnline) out.push({ key: received, column: 'paid_online' });
  }
  if (!isFinished(d.state) || !d.finishDay) return out;
  const finished = key(d.finishDay);
  if (isResolved(d.state)) {
    const timeliness = d.dueDay ? timelinessOf(d.finishDay, d.dueDay) : 'on_time';
    out.push({ key: finished, column: `resolved_${timeliness}` });
    if (d.digitizedOutput) out.push({ key: finished, column: 'digitized_output' });
    if (d.rating) out.push({ key: finished, column: `rating_${d.rating}` });
  } else {
    out.push({ key: finished, column: d.state === 'returned' ? 'returned' : 'withdrawn' });
  }
  return out;
}

const keyString = (k: FactKey) => `${k.unitId}|${k.procedureId}|${k.channel}|${k.day}`;

/** Sums fact changes (a dossier's old contributions negative, its new ones positive). */
export class FactDeltas {
  readonly #rows = new Map<string, FactRow>();

  add(dossier: DossierForFacts, sign: 1 | -1): void {
    for (const { key, column } of factsOf(dossier)) {
      const id = keyString(key);
      let row = this.#rows.get(id);
      if (!row) {
        row = { ...key, counts: emptyCounts() };
        this.#rows.set(id, row);
      }
      row.counts[column] += sign;
    }
  }

  /** A dossier moved from `before` to `after` (either may be absent). */
  replace(before: DossierForFacts | null, after: DossierForFacts | null): void {
    if (before) this.add(before, -1);
    if (after) this.add(after, 1);
  }

  /** The non-zero changes. */
  rows(): FactRow[] {
    return [...this.#rows.values()].filter((row) => FACT_COLUMNS.some((c) => row.counts[c] !== 0));
  }

  clear(): void {
    this.#rows.clear();
  }

  /** How many distinct (unit, procedure, channel, day) keys are pending. */
  get size(): number {
    return this.#rows.size;
  }
}
