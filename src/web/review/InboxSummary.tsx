import { Link } from 'react-router-dom';
import { getInbox } from '../api/review';
import { useApiQuery } from '../hooks/useApiQuery';
import { inboxSummary } from './inbox';

/**
 * The home page's line about the inbox, with the way there. It is an extra: if the session has
 * ended it just stays away, and the next thing the user does leads to the login page.
 */
export function InboxSummary() {
  const inbox = useApiQuery((signal) => getInbox(signal, true), []);
  if (!inbox.data) return null;
  const urgent = inbox.data.some((i) => i.timeliness === 'overdue' || i.kind === 'returned');
  return (
    <p className={`inbox-summary${urgent ? ' inbox-summary-urgent' : ''}`} role="status">
      {inboxSummary(inbox.data)} {inbox.data.length > 0 && <Link to="/viec-can-lam">Xem việc cần làm</Link>}
    </p>
  );
}
