/**
 * Which directory the user looks at. Two eras of units coexist in the data: the three-level
 * tree (tỉnh → huyện → xã) in force until 30/06/2025 and the two-level tree (tỉnh → xã) from
 * 01/07/2025. Every era resolves to an `asOf` date for the API.
 */
export type Era = { kind: 'current' } | { kind: 'before-reform' } | { kind: 'date'; date: string };

export const REFORM_DATE = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';

export const ERA_LABELS = {
  current: 'Hiện hành (từ 01/07/2025)',
  'before-reform': 'Trước 01/07/2025 (3 cấp)',
  date: 'Vào ngày',
} as const satisfies Record<Era['kind'], string>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function asOfFor(era: Era, today: string): string {
  switch (era.kind) {
    case 'current':
      return today < REFORM_DATE ? REFORM_DATE : today;
    case 'before-reform':
      return LAST_DAY_BEFORE_REFORM;
    case 'date':
      return era.date;
  }
}

/** URL form: nothing for the current era, `ky=truoc-sap-xep` or `ngay=YYYY-MM-DD`. */
export function eraFromSearch(params: URLSearchParams): Era {
  const date = params.get('ngay');
  if (date && ISO_DATE.test(date)) return { kind: 'date', date };
  if (params.get('ky') === 'truoc-sap-xep') return { kind: 'before-reform' };
  return { kind: 'current' };
}

export function writeEra(params: URLSearchParams, era: Era): URLSearchParams {
  const next = new URLSearchParams(params);
  next.delete('ky');
  next.delete('ngay');
  if (era.kind === 'before-reform') next.set('ky', 'truoc-sap-xep');
  if (era.kind === 'date') next.set('ngay', era.date);
  return next;
}
