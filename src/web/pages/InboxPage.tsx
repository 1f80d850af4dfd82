import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { getInbox } from '../api/review';
import { useCurrentUser } from '../auth/SessionContext';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { groupInbox } from '../review/inbox';
import { InboxTable } from '../review/InboxTable';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';

/** What waits for the user: reports due or returned (an officer), reports to review (a reviewer). */
export function InboxPage() {
  useDocumentTitle('Việc cần làm');
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const inbox = useApiQuery((signal) => getInbox(signal), []);
  const groups = useMemo(() => groupInbox(inbox.data ?? []), [inbox.data]);
  // An administrator writes reports only for units below; show those parts when there is something in them.
  const writes = user.role === 'officer' || (user.role === 'admin' && groups.due.length + groups.returned.length > 0);
  const reviews = user.role !== 'officer';

  return (
    <section className="page inbox-page">
      <h1>Việc cần làm</h1>
      <p className="lead">
        {user.role === 'officer'
          ? `Các báo cáo ${user.unit.name} phải gửi theo nghĩa vụ báo cáo cấp trên giao, và các báo cáo bị trả lại cần sửa.`
          : `Các báo cáo của đơn vị thuộc ${user.unit.name} đã gửi, đang chờ duyệt.`}
      </p>
      <ErrorNotice error={inbox.error} />
      {inbox.loading && !inbox.data && <LoadingNotice />}
      {inbox.data && (
        <div className="inbox-sections">
          {writes && (
            <>
              <InboxTable id="inbox-returned" title="Báo cáo bị trả lại" items={groups.returned} empty="Không có báo cáo nào bị trả lại." today={today} />
              <InboxTable id="inbox-due" title="Báo cáo đến hạn" items={groups.due} empty="Không có báo cáo nào đến hạn." today={today} />
            </>
          )}
          {groups.stale.length > 0 && (
            <InboxTable id="inbox-stale" title="Báo cáo đã duyệt có số liệu hồ sơ thay đổi" items={groups.stale} empty="" today={today} />
          )}
          {reviews && (
            <>
              <InboxTable id="inbox-review" title="Báo cáo chờ duyệt" items={groups.review} empty="Không có báo cáo nào chờ duyệt." today={today} />
              <p className="hint">
                Duyệt nhiều báo cáo cùng lúc và xem đơn vị nào chưa gửi tại <Link to="/tinh-hinh-nop">Tình hình nộp báo cáo</Link>.
              </p>
            </>
          )}
        </div>
      )}
    </section>
  );
}
