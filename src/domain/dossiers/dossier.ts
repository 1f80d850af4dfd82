import { normalizeForSearch } from '../text/normalize-for-search';

export const CHANNELS = ['direct', 'online', 'postal'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  direct: 'Trực tiếp',
  online: 'Trực tuyến',
  postal: 'Bưu chính công ích',
};

const CHANNEL_WORDS: Record<string, Channel> = {
  'truc tiep': 'direct',
  'tai bo phan mot cua': 'direct',
  'nop truc tiep': 'direct',
  'truc tuyen': 'online',
  'dich vu cong truc tuyen': 'online',
  'qua mang': 'online',
  online: 'online',
  'buu chinh cong ich': 'postal',
  'buu chinh': 'postal',
  bcci: 'postal',
  'dich vu buu chinh cong ich': 'postal',
};

export function parseChannel(text: string): Channel | null {
  return CHANNEL_WORDS[normalizeForSearch(text)] ?? null;
}

/**
 * The lifecycle of a dossier (Decree 61/2018/NĐ-CP, Circular 01/2018/TT-VPCP). `resolved`,
 * `delivered`, `returned` and `withdrawn` are finished; the others are pending.
 */
export const DOSSIER_STATES = [
  'processing',
  'awaiting_supplement',
  'paused',
  'resolved',
  'delivered',
  'returned',
  'withdrawn',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

export const DOSSIER_STATE_LABELS: Record<DossierState, string> = {
  processing: 'Đang giải quyết',
  awaiting_supplement: 'Chờ bổ sung',
  paused: 'Tạm dừng',
  resolved: 'Đã có kết quả',
  delivered: 'Đã trả kết quả',
  returned: 'Trả lại',
  withdrawn: 'Rút hồ sơ',
};

const STATE_WORDS: Record<string, DossierState> = Object.fromEntries([
  ...Object.entries(DOSSIER_STATE_LABELS).map(([state, label]) => [normalizeForSearch(label), state]),
  ['dang xu ly', 'processing'],
  ['moi tiep nhan', 'processing'],
  ['cho bo sung ho so', 'awaiting_supplement'],
  ['yeu cau bo sung', 'awaiting_supplement'],
  ['da giai quyet', 'resolved'],
  ['hoan thanh', 'resolved'],
  ['da tra', 'delivered'],
  ['tu choi', 'returned'],
  ['tra lai ho so', 'returned'],
  ['khong du dieu kien', 'returned'],
  ['rut', 'withdrawn'],
  ['cong dan rut ho so', 'withdrawn'],
]) as Record<string, DossierState>;

export function parseDossierState(text: string): DossierState | null {
  return STATE_WORDS[normalizeForSearch(text)] ?? null;
}

export const isFinished = (state: DossierState) =>
  state === 'resolved' || state === 'delivered' || state === 'returned' || state === 'withdrawn';
export const isResolved = (state: DossierState) => state === 'resolved' || state === 'delivered';
export const isPausedState = (state: DossierState) => state === 'awaiting_supplement' || state === 'paused';

export const RATINGS = ['very_satisfied', 'satisfied', 'unsatisfied'] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_LABELS: Record<Rating, string> = {
  very_satisfied: 'Rất hài lòng',
  satisfied: 'Hài lòng',
  unsatisfied: 'Không hài lòng',
};

export function parseRating(text: string): Rating | null | undefined {
  const folded = normalizeForSearch(text);
  if (folded === '') return null;
  if (folded === 'rat hai long') return 'very_satisfied';
  if (folded === 'hai long') return 'satisfied';
  if (folded === 'khong hai long' || folded === 'chua hai long') return 'unsatisfied';
  return undefined;
}

export type Timeliness = 'early' | 'on_time' | 'late';

/** Compares days, not hours: a result on the appointment day is on time whatever the hour. */
export function timelinessOf(finishDay: string, dueDay: string): Timeliness {
  if (finishDay < dueDay) return 'early';
  return finishDay === dueDay ? 'on_time' : 'late';
}

/** A dossier as the statistics see it: days are local (UTC+7) calendar dates. */
export interface DossierFacts {
  unitId: number;
  procedureId: number;
  channel: Channel;
  state: DossierState;
  receivedDay: string;
  dueDay: string | null;
  /** The day the dossier left the pending set: result, refusal or withdrawal. */
  finishDay: string | null;
  digitizedInput: boolean;
  digitizedOutput: boolean;
  hasFee: boolean;
  paidOnline: boolean;
  rating: Rating | null;
}
