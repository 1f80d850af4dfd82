import { CHECKLIST_GROUPS, CHECKLIST_KINDS, type ChecklistKind, type SubmissionChecklist } from '../../domain/reports/submission-checklist';
import { formatDate } from '../format/date';
import { goToRow } from './FindingsSummary';

/** The items that stop the submission, besides the reason for sending early (asked for beside the list). */
export const blockingItems = (checklist: SubmissionChecklist) => checklist.items.filter((item) => item.kind !== 'early');

/** Where the official fixes an item: a row of the table, or the document panel (sections, date, signer). */
function goTo(kind: ChecklistKind, target: string): void {
  if (kind === 'row') goToRow(target);
  else if (kind === 'error' || kind === 'warning') goToRow(target.split('|')[1] ?? target);
  else document.getElementById('report-document-title')?.scrollIntoView({ block: 'start' });
}

/**
 * The checklist the Gửi button shows before the officer confirms, group by group: rows without a
 * value, empty sections, missing date or signer, errors, unjustified warnings. Each item leads to
 * where it is fixed. The same list the server refuses a submission with.
 */
export function SubmissionChecklistView({ checklist }: { checklist: SubmissionChecklist }) {
  const blocking = blockingItems(checklist);
  if (blocking.length === 0) {
    return (
      <p className="checklist-ready" role="status">
        Báo cáo đã đủ điều kiện gửi: mọi dòng bắt buộc đã có số liệu, các mục đã có nội dung, văn bản có ngày ban hành và người ký.
        {checklist.early ? ` Kỳ lấy số liệu đến hết ngày ${formatDate(checklist.windowTo)} chưa kết thúc: hãy ghi lý do gửi sớm.` : ''}
      </p>
    );
  }
  return (
    <section className="submission-checklist" aria-label="Những việc còn thiếu trước khi gửi">
      <p role="alert">
        <strong>Chưa gửi được: còn {blocking.length} việc cần làm.</strong>
      </p>
      {CHECKLIST_KINDS.filter((kind) => kind !== 'early').map((kind) => {
        const items = blocking.filter((item) => item.kind === kind);
        if (items.length === 0) return null;
        return (
          <div key={kind} className={`checklist-group checklist-${kind}`}>
            <h3>
              {CHECKLIST_GROUPS[kind]} ({items.length})
            </h3>
            <ul aria-label={CHECKLIST_GROUPS[kind]}>
              {items.map((item) => (
                <li key={`${item.kind}-${item.target}`}>
                  <a
                    href={kind === 'row' ? `#row-${item.target}` : '#report-document-title'}
                    onClick={(event) => {
                      event.preventDefault();
                      goTo(item.kind, item.target);
                    }}
                  >
                    {kind === 'error' || kind === 'warning' || kind === 'text' ? item.message : item.label}
                  </a>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
