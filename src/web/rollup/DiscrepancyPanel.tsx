import { Link } from 'react-router-dom';
import type { Template } from '../../domain/templates/template';
import { getDiscrepancies, type Rollup, type RollupQuery } from '../api/review';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';
import { discrepancyLines } from './rollupView';

/**
 * "Đối chiếu với hồ sơ": what each unit reported for the rows computed from dossiers beside what
 * its dossiers give, and the rolled-up figures beside those computed from all the dossiers.
 */
export function DiscrepancyPanel({ template, rollup, query }: { template: Template; rollup: Rollup; query: RollupQuery }) {
  const answer = useApiQuery((signal) => getDiscrepancies(query, signal), [query.unitId, query.templateId, query.periodId, query.basis]);
  const lines = answer.data ? discrepancyLines(template, rollup, answer.data) : null;
  const differing = lines?.totals.filter((t) => t.differs).length ?? 0;

  return (
    <div className="discrepancies">
      <ErrorNotice error={answer.error} />
      {answer.loading && <LoadingNotice text="Đang tính lại từ hồ sơ…" />}
      {lines && (
        <>
          <h2>Từng đơn vị: số báo cáo khác số tính từ hồ sơ</h2>
          {lines.units.length === 0 ? (
            <Notice kind="success">Số liệu các đơn vị báo cáo khớp với số tính trực tiếp từ hồ sơ của đơn vị.</Notice>
          ) : (
            <div className="table-wrap">
              <table className="table table-compact discrepancy-table" aria-label="Chênh lệch giữa số báo cáo và số tính từ hồ sơ, từng đơn vị">
                <thead>
                  <tr>
                    <th scope="col">Đơn vị</th>
                    <th scope="col">Chỉ tiêu</th>
                    <th scope="col" className="num">Số báo cáo</th>
                    <th scope="col" className="num">Số tính từ hồ sơ</th>
                    <th scope="col" className="num">Chênh lệch</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.units.map((l) => (
                    <tr key={`${l.unitId}-${l.rowId}`}>
                      <td>{l.reportId !== null ? <Link to={`/bao-cao/${l.reportId}#row-${l.rowId}`}>{l.unitName}</Link> : l.unitName}</td>
                      <td>{l.rowName}</td>
                      <td className="num">{l.reported}</td>
                      <td className="num">{l.computed}</td>
                      <td className="num late-value">{l.difference}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h2 className="section-title">Số tổng hợp so với số tính từ hồ sơ của các đơn vị đã tổng hợp</h2>
          <p className="hint">
            {lines.totals.length === 0
              ? 'Biểu mẫu không có chỉ tiêu nào tính từ hồ sơ.'
              : differing === 0
                ? `Cả ${lines.totals.length} chỉ tiêu tính từ hồ sơ đều khớp.`
                : `${differing}/${lines.totals.length} chỉ tiêu tính từ hồ sơ có chênh lệch.`}
          </p>
          {lines.totals.length > 0 && (
            <div className="table-wrap">
              <table className="table table-compact discrepancy-table" aria-label="Số tổng hợp so với số tính từ hồ sơ">
                <thead>
                  <tr>
                    <th scope="col">Chỉ tiêu</th>
                    <th scope="col" className="num">Số tổng hợp</th>
                    <th scope="col" className="num">Số tính từ hồ sơ</th>
                    <th scope="col" className="num">Chênh lệch</th>
                  </tr>
                </thead>
                <tbody>
                  {lines.totals.map((t) => (
                    <tr key={t.rowId} className={t.differs ? 'discrepancy-differs' : undefined}>
                      <td>{t.rowName}</td>
                      <td className="num">{t.rolledUp}</td>
                      <td className="num">{t.computed}</td>
                      <td className="num">{t.differs ? t.difference || 'Khác' : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}
