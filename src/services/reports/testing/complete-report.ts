import { paragraph, type Narrative, type Section } from '../../../domain/narrative/narrative';
import { sectionHasContent } from '../../../domain/reports/section-text';
import { requiredRows } from '../../../domain/reports/submission-checklist';
import type { TemplateRow } from '../../../domain/templates/template';
import type { Store } from '../../../store/store';
import type { SessionUser } from '../../auth/session-user';
import { getReport, updateReportValues } from '../compute-report';
import { getReportDocument, updateReportDocument } from '../report-document';

/** What an official answers in a row the test does not care about: 0, a date inside the window, a few words. */
function plainAnswer(row: TemplateRow, windowFrom: string): number | string {
  if (row.kind === 'date') return windowFrom;
  if (row.kind === 'text') return 'Kế hoạch số 01/KH-UBND';
  return 0;
}

/**
 * Test helper: makes a draft ready to send, as an official would — the given values, a plain
 * answer in every other required row that is still blank (or "-" with `rest: 'not_applicable'`),
 * a sentence in every section of the narrative that has none, the issue date and the signer.
 */
export async function completeReport(
  store: Store,
  user: SessionUser,
  reportId: number,
  options: { values?: Record<string, number | string>; rest?: 'plain' | 'not_applicable'; signer?: string; date?: string } = {},
) {
  const view = await getReport(store, user, reportId);
  const given = options.values ?? {};
  const changes = Object.entries(given).map(([rowId, value]) => ({ rowId, value }));
  for (const row of requiredRows(view.template, view.unit.level, view.values)) {
    const current = view.values.get(row.id)?.value;
    if (row.id in given || (current !== null && current !== undefined && current !== '')) continue;
    changes.push({ rowId: row.id, value: options.rest === 'not_applicable' ? '-' : plainAnswer(row, view.report.windowFrom) });
  }
  await updateReportValues(store, user, reportId, { changes });
  const doc = await getReportDocument(store, user, reportId);
  const fill = (sections: Section[]): Section[] =>
    sections.map((s) => ({
      ...s,
      blocks: sectionHasContent(s) ? s.blocks : [...s.blocks, paragraph(`Đơn vị đã triển khai nội dung "${s.title}" theo kế hoạch.`)],
      ...(s.children ? { children: fill(s.children) } : {}),
    }));
  const narrative: Narrative = { ...doc.narrative, sections: fill(doc.narrative.sections) };
  await updateReportDocument(store, user, reportId, {
    meta: { ...doc.meta, date: options.date ?? doc.meta.date, signature: { ...doc.meta.signature, name: options.signer ?? 'Nguyễn Văn An' } },
    narrative,
  });
  return getReport(store, user, reportId);
}
