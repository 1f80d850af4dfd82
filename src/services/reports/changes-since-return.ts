import { DocumentMetaSchema } from '../../domain/narrative/document-meta';
import { NarrativeSchema } from '../../domain/narrative/narrative';
import { documentChangesSince, valueChangesSince, type TextChangeSinceReturn, type ValueChangeSinceReturn } from '../../domain/reports/changes-since-return';
import type { FrozenVersion } from '../../store/repositories/reports.repository';
import type { Store } from '../../store/store';
import type { SessionUser } from '../auth/session-user';
import { getReport } from './compute-report';
import { documentOfView } from './report-document';

export interface ChangesSinceReturn {
  /** When the reviewer returned the report, and why. */
  returnedAt: string;
  comment: string | null;
  /** 'submitted': the version sent again; 'current': the unit is still fixing it (what changed so far). */
  comparedWith: 'submitted' | 'current';
  values: ValueChangeSinceReturn[];
  /** null when the returned version's text was not kept (reports returned before this was recorded). */
  text: TextChangeSinceReturn[] | null;
}

function frozenDocument(version: FrozenVersion | undefined) {
  const raw = version?.document as { meta?: unknown; narrative?: unknown } | null | undefined;
  if (!raw) return null;
  const meta = DocumentMetaSchema.safeParse(raw.meta);
  const narrative = NarrativeSchema.safeParse(raw.narrative);
  return meta.success && narrative.success ? { meta: meta.data, narrative: narrative.data } : null;
}

const plain = (values: Map<string, { value: number | string | null }>) => new Map([...values].map(([id, v]) => [id, v.value]));

/**
 * What changed since the version a reviewer returned (values and text), for anyone who may read
 * the report; null when it was never returned. The returned version is the submission the return
 * answered; it is compared with the submission that followed, or with the report as it is while
 * the unit is still fixing it.
 */
export async function changesSinceReturn(store: Store, user: SessionUser, reportId: number): Promise<ChangesSinceReturn | null> {
  const view = await getReport(store, user, reportId);
  const versions = await store.reports.frozenVersions(reportId);
  const returnAt = versions.findLastIndex((v) => v.action === 'return');
  if (returnAt < 0) return null;
  const returned = versions[returnAt]!;
  const before = versions.slice(0, returnAt).findLast((v) => v.action === 'submit' || v.action === 'resubmit');
  const sentAgain = versions.slice(returnAt + 1).findLast((v) => v.action === 'resubmit' || v.action === 'submit');
  const beforeValues = before?.values ? plain(before.values) : new Map();
  let afterValues: Map<string, number | string | null>;
  let afterDocument;
  if (sentAgain?.values) {
    afterValues = plain(sentAgain.values);
    afterDocument = frozenDocument(sentAgain);
  } else {
    afterValues = plain(view.values);
    const doc = await documentOfView(store, view);
    afterDocument = { meta: doc.meta, narrative: doc.narrative };
  }
  const beforeDocument = frozenDocument(before);
  return {
    returnedAt: returned.at,
    comment: returned.comment,
    comparedWith: sentAgain ? 'submitted' : 'current',
    values: valueChangesSince(view.template, beforeValues, afterValues),
    text: beforeDocument && afterDocument ? documentChangesSince(beforeDocument, afterDocument) : null,
  };
}
