import { createHash } from 'node:crypto';
import type { DossierForFacts } from '../../domain/dossiers/facts';
import type { DossierWrite } from '../../store/repositories/dossiers.repository';

/** A fingerprint of everything a dossier row says: an import compares it to skip unchanged rows. */
export const contentHashOf = (write: Omit<DossierWrite, 'contentHash'>) =>
  createHash('sha1').update(JSON.stringify(write)).digest('base64url');

/** The statistics view of a dossier row about to be written (or as stored). */
export function factsViewOf(d: Omit<DossierWrite, 'contentHash'>): DossierForFacts {
  return {
    unitId: d.unitId,
    procedureId: d.procedureId,
    channel: d.channel,
    state: d.state,
    receivedDay: d.receivedDay,
    dueDay: d.dueDay,
    finishDay: d.finishDay,
    digitizedInput: d.digitizedInput,
    digitizedOutput: d.digitizedOutput,
    hasFee: d.hasFee,
    paidOnline: d.paidOnline,
    rating: d.rating,
    onlineMode: d.onlineMode,
  };
}
