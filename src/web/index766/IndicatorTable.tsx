import { Fragment, useState } from 'react';
import { getIndex766Against, index766AgainstXlsxUrl, type Index766, type Index766Indicator, type Index766Query } from '../api/index766';
import { formatDate } from '../format/date';
import { formatNumber, formatPercent } from '../format/number';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';

const points = (value: number | null) => (value === null ? 'không tính' : formatNumber(value));

function Drill({ query, indicator }: { query: Index766Query; indicator: Index766Indicator }) {
  const against = useApiQuery((signal) => getIndex766Against({ ...query, indicatorId: indicator.id }, signal), [query.unitId, query.periodId, query.profileId, indicator.id]);
  if (against.error) return <ErrorNotice error={against.error} />;
  if (!against.data) return <LoadingNotice />;
  const a = against.data;
  if (a.kind === 'none') return <p className="hint">{a.note}</p>;
  return (
    <div>
      <p>
        {a.kind === 'dossiers' ? `${formatNumber(a.total)} hồ sơ làm mất điểm` : `${formatNumber(a.total)} thủ tục làm mất điểm`}
        {a.kind === 'dossiers' && a.total > a.dossiers.length ? ` (hiển thị ${formatNumber(a.dossiers.length)} hồ sơ đầu; tải XLSX để có đủ)` : ''}.{' '}
        <a className="button button-small" href={index766AgainstXlsxUrl({ ...query, indicatorId: indicator.id })} download>
          Tải danh sách XLSX
        </a>
      </p>
      {a.kind === 'dossiers' ? (
        <table className="table" aria-label={`Hồ sơ làm mất điểm: ${indicator.name}`}>
          <thead>
            <tr>
              <th>Mã hồ sơ</th>
              <th>Đơn vị</th>
              <th>Thủ tục</th>
              <th>Tiếp nhận</th>
              <th>Hẹn trả</th>
              <th>Có kết quả</th>
              <th>Lý do</th>
            </tr>
          </thead>
          <tbody>
            {a.dossiers.map((d) => (
              <tr key={d.id}>
                <td>
                  <a href={`/ho-so/${d.id}`}>{d.code}</a>
                </td>
                <td>{d.unitName}</td>
                <td>{d.procedureName}</td>
                <td>{formatDate(d.receivedDay)}</td>
                <td>{d.dueDay ? formatDate(d.dueDay) : '—'}</td>
                <td>{d.finishDay ? formatDate(d.finishDay) : 'chưa có'}</td>
                <td>{d.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <table className="table" aria-label={`Thủ tục làm mất điểm: ${indicator.name}`}>
          <thead>
            <tr>
              <th>Mã thủ tục</th>
              <th>Tên thủ tục</th>
              <th>Lĩnh vực</th>
              <th>Hồ sơ trong kỳ</th>
              <th>Hồ sơ trực tuyến</th>
            </tr>
          </thead>
          <tbody>
            {a.procedures.map((p) => (
              <tr key={p.id}>
                <td>{p.code}</td>
                <td>{p.name}</td>
                <td>{p.field}</td>
                <td>{formatNumber(p.dossiers)}</td>
                <td>{formatNumber(p.onlineDossiers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Every sub-indicator with its parts and points, the ones that lost points first; a row opens the dossiers behind it. */
export function IndicatorTable({ index, query }: { index: Index766; query: Index766Query }) {
  const [open, setOpen] = useState<string | null>(null);
  const groupName = new Map(index.score.groups.map((g) => [g.id, g.name]));
  const rows = index.score.groups.flatMap((g) => g.indicators).sort((a, b) => b.lost - a.lost);
  return (
    <table className="table index766-lost" aria-label="Điểm bị mất theo chỉ số thành phần">
      <thead>
        <tr>
          <th>Chỉ số thành phần</th>
          <th>Nhóm</th>
          <th>Tử số / mẫu số</th>
          <th>Tỷ lệ</th>
          <th>Điểm</th>
          <th>Mất</th>
          <th></th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <Fragment key={i.id}>
            <tr>
              <td>
                {i.name}
                {!i.verified && <span className="index766-unverified"> (cách tính chưa kiểm chứng)</span>}
                {i.explanation && <div className="hint">{i.explanation}</div>}
              </td>
              <td>{groupName.get(i.groupId)}</td>
              <td>
                {formatNumber(i.numerator)}/{formatNumber(i.denominator)}
              </td>
              <td>{i.rate === null ? '—' : formatPercent(i.rate)}</td>
              <td>
                {points(i.points)}/{formatNumber(i.max)}
              </td>
              <td className={i.lost > 0 ? 'lost' : undefined}>{formatNumber(i.lost)}</td>
              <td>
                <button type="button" className="button button-small" aria-expanded={open === i.id} onClick={() => setOpen(open === i.id ? null : i.id)}>
                  {open === i.id ? 'Ẩn hồ sơ' : 'Xem hồ sơ'}
                </button>
              </td>
            </tr>
            {open === i.id && (
              <tr className="index766-drill">
                <td colSpan={7}>
                  <Drill query={query} indicator={i} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
