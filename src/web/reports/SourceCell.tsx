import { Link } from 'react-router-dom';
import type { Provenance } from '../../domain/reports/report-values';
import type { Template, TemplateRow } from '../../domain/templates/template';
import { rowName } from './template';
import { dossierLink, formulaText, listSource, SOURCE_LABELS, sourceKind, statsLink, type ReportScope } from './sources';

interface Props {
  template: Template;
  row: TemplateRow;
  provenance: Provenance | undefined;
  scope: ReportScope;
  viewerUnitId: number;
}

/** Where a row's number comes from, and for a number computed from dossiers, the way to them. */
export function SourceCell({ template, row, provenance, scope, viewerUnitId }: Props) {
  if (row.kind === 'heading') return null;
  const kind = sourceKind(row);
  const list = listSource(row, scope, viewerUnitId);
  // A row read from a list the unit keeps no data for is typed by hand until it does.
  const fromList = list !== null && (provenance === 'computed' || provenance === 'overridden');
  const computed = kind === 'metric' || kind === 'formula' || fromList;
  const source = row.source;
  const register = kind === 'metric' ? dossierLink(row, scope, viewerUnitId) : null;
  return (
    <div className="source">
      <div className="source-line">
        {computed && <span className="badge badge-auto">Tự động</span>}
        {provenance === 'overridden' && <span className="badge badge-overridden">Đã sửa</span>}
        <span className={computed ? 'source-kind' : 'source-kind source-manual'}>{list && !fromList ? 'Nhập tay' : SOURCE_LABELS[kind]}</span>
      </div>
      {list && (
        <small className="source-links">
          {fromList ? <span className="hint">{list.description}. </span> : <span className="hint">Đơn vị chưa có số liệu trong {list.name}: nhập tay, hoặc </span>}
          <Link to={list.href} aria-label={`${fromList ? 'Sửa' : 'Lập'} ${list.name} cho dòng ${rowName(row)}`}>
            {fromList ? `Sửa ${list.name}` : `lập ${list.name}`}
          </Link>
        </small>
      )}
      {typeof source === 'object' && source !== null && 'formula' in source && <small className="formula">= {formulaText(template, source.formula)}</small>}
      {typeof source === 'object' && source !== null && 'metric' in source && source.window === 'cumulative' && <small className="hint">Lũy kế từ đầu năm</small>}
      {register && (
        <small className="source-links">
          <Link to={register.href} title={register.description} aria-label={`Xem hồ sơ của dòng ${rowName(row)}`}>
            Xem hồ sơ
          </Link>
          {' · '}
          <Link to={statsLink(scope, viewerUnitId)} aria-label={`Thống kê kỳ của dòng ${rowName(row)}`}>
            Thống kê kỳ
          </Link>
        </small>
      )}
    </div>
  );
}
