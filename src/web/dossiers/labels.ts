import { CHANNEL_LABELS, CHANNELS, DOSSIER_STATE_LABELS, DOSSIER_STATES, RATING_LABELS, RATINGS } from '../../domain/dossiers/dossier';

export const CHANNEL_OPTIONS = CHANNELS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));
export const STATE_OPTIONS = DOSSIER_STATES.map((value) => ({ value, label: DOSSIER_STATE_LABELS[value] }));
export const RATING_OPTIONS = RATINGS.map((value) => ({ value, label: RATING_LABELS[value] }));
export { RATING_LABELS };

const PENDING = new Set<string>(['processing', 'awaiting_supplement', 'paused']);

/** Still open and past its appointment day (the register's "Quá hạn" mark, as the overdue filter counts it). */
export const isOverdue = (dossier: { state: string; dueDay: string | null }, today: string): boolean =>
  PENDING.has(dossier.state) && dossier.dueDay !== null && dossier.dueDay < today;

export const yesNo = (value: boolean): string => (value ? 'Có' : 'Không');
