import { timelinessOf } from '../../domain/dossiers/dossier';
import type { DossierDetail } from '../api/dossiers';
import { formatDate } from '../format/date';
import { formatInstant } from '../format/dateTime';
import { isOverdue, RATING_LABELS, yesNo } from './labels';

const TIMELINESS = { early: 'trước hạn', on_time: 'đúng hạn', late: 'quá hạn' } as const;

/** The key facts of a dossier, as the register's paper card lists them. */
export function DossierFacts({ detail, today }: { detail: DossierDetail; today: string }) {
  const { dossier, unit, procedure } = detail;
  const resolved = dossier.state === 'resolved' || dossier.state === 'delivered';
  const timeliness = resolved && dossier.finishDay && dossier.dueDay ? TIMELINESS[timelinessOf(dossier.finishDay, dossier.dueDay)] : null;
  return (
    <dl className="facts dossier-facts">
      <dt>Mã hồ sơ</dt>
      <dd className="mono">{dossier.code}</dd>
      <dt>Đơn vị</dt>
      <dd>{unit.name}</dd>
      <dt>Thủ tục</dt>
      <dd>
        {procedure.name} <span className="unit-code">{procedure.code}</span>
      </dd>
      <dt>Lĩnh vực</dt>
      <dd>{procedure.field}</dd>
      <dt>Thời hạn giải quyết</dt>
      <dd>{procedure.statutoryDays === 0 ? 'Trong ngày' : `${procedure.statutoryDays} ngày làm việc`}</dd>
      <dt>Kênh tiếp nhận</dt>
      <dd>{dossier.channelLabel}</dd>
      <dt>Tiếp nhận</dt>
      <dd>{formatInstant(dossier.receivedAt)}</dd>
      <dt>Hẹn trả kết quả</dt>
      <dd>{dossier.dueAt ? formatInstant(dossier.dueAt) : formatDate(dossier.dueDay)}</dd>
      <dt>Có kết quả</dt>
      <dd>{formatInstant(dossier.resultAt)}</dd>
      <dt>Trả kết quả</dt>
      <dd>{formatInstant(dossier.deliveredAt)}</dd>
      <dt>Trạng thái</dt>
      <dd>
        <span className={`state state-${dossier.state}`}>{dossier.stateLabel}</span>
        {timeliness && <span className={`badge ${timeliness === 'quá hạn' ? 'badge-late' : 'badge-ok'}`}>Giải quyết {timeliness}</span>}
        {isOverdue(dossier, today) && <span className="badge badge-late">Quá hạn</span>}
      </dd>
      <dt>Số hóa</dt>
      <dd>
        Hồ sơ đầu vào: {yesNo(dossier.digitizedInput)} · Kết quả: {yesNo(dossier.digitizedOutput)}
      </dd>
      <dt>Phí, lệ phí</dt>
      <dd>{dossier.hasFee ? (dossier.paidOnline ? 'Có, đã thanh toán trực tuyến' : 'Có, chưa thanh toán trực tuyến') : 'Không'}</dd>
      <dt>Đánh giá</dt>
      <dd>{dossier.rating ? RATING_LABELS[dossier.rating] : 'Chưa đánh giá'}</dd>
      <dt>Nguồn</dt>
      <dd>{dossier.source === 'desk' ? 'Tiếp nhận tại bộ phận một cửa' : `Nhập từ phần mềm một cửa (nguồn “${dossier.source}”)`}</dd>
    </dl>
  );
}
