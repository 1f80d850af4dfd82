import type { DossierState } from './dossier';
import { DOSSIER_STATE_LABELS } from './dossier';
import { EVENT_LABELS, type DossierEventKind } from './events';

/**
 * What may happen next to a dossier at the desk (Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP).
 * While it waits for the citizen's papers or is paused, the statutory clock does not run.
 */
const TRANSITIONS: Record<DossierState, Partial<Record<DossierEventKind, DossierState>>> = {
  processing: {
    supplement_requested: 'awaiting_supplement',
    paused: 'paused',
    resolved: 'resolved',
    returned: 'returned',
    withdrawn: 'withdrawn',
  },
  awaiting_supplement: { supplement_provided: 'processing', returned: 'returned', withdrawn: 'withdrawn' },
  paused: { resumed: 'processing', returned: 'returned', withdrawn: 'withdrawn' },
  resolved: { delivered: 'delivered' },
  delivered: {},
  returned: {},
  withdrawn: {},
};

export function allowedEvents(state: DossierState): DossierEventKind[] {
  return Object.keys(TRANSITIONS[state]) as DossierEventKind[];
}

/** The state after an event, or a Vietnamese reason why the event cannot happen now. */
export function nextState(state: DossierState, kind: DossierEventKind): { state: DossierState } | { error: string } {
  const next = TRANSITIONS[state][kind];
  if (next) return { state: next };
  const allowed = allowedEvents(state).map((k) => `"${EVENT_LABELS[k]}"`);
  return {
    error: `Hồ sơ đang ở trạng thái "${DOSSIER_STATE_LABELS[state]}" nên không thể "${EVENT_LABELS[kind]}".${
      allowed.length > 0 ? ` Có thể: ${allowed.join(', ')}.` : ' Hồ sơ đã kết thúc.'
    }`,
  };
}

/** The intervals during which the clock was stopped, from the dossier's events in time order. */
export function pauseIntervals(events: Array<{ kind: string; at: string }>): Array<{ from: string; to?: string }> {
  const intervals: Array<{ from: string; to?: string }> = [];
  let open: string | null = null;
  for (const event of events) {
    if ((event.kind === 'supplement_requested' || event.kind === 'paused') && open === null) open = event.at;
    if ((event.kind === 'supplement_provided' || event.kind === 'resumed') && open !== null) {
      intervals.push({ from: open, to: event.at });
      open = null;
    }
  }
  if (open !== null) intervals.push({ from: open });
  return intervals;
}
