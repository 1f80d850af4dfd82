import { Fragment } from 'react';
import type { ReportValue } from '../../domain/reports/report-values';
import type { Template, TemplateRow } from '../../domain/templates/template';
import type { Finding } from '../../domain/templates/validate';
import type { Edit } from './draft';
import type { ReportScope } from './sources';
import { RowFindings } from './RowFindings';
import { SourceCell } from './SourceCell';
import { startsPartGroup } from './template';
import { ValueCell } from './ValueCell';

export interface ReportTableProps {
  template: Template;
  saved: Map<string, ReportValue>;
  values: Map<string, ReportValue>;
  edits: ReadonlyMap<string, Edit>;
  findingsByRow: Map<string, Finding[]>;
  readOnly: boolean;
  scope: ReportScope;
  viewerUnitId: number;
  onEdit: (rowId: string, edit: Edit | null) => void;
  justificationText: (rule: string, rowId: string) => string;
  onJustify: (rule: string, rowId: string, text: string) => void;
}

const indent = (depth: number) => ({ paddingLeft: `${0.6 + depth * 1.25}rem` });

/** The appendix as printed: STT, Chỉ tiêu ("Trong đó" parts indented), Đơn vị tính, Số liệu, Nguồn. */
export function ReportTable(props: ReportTableProps) {
  const { template } = props;
  return (
    <div className="table-wrap">
      <table className="table report-table" aria-label={template.title}>
        <colgroup>
          <col className="col-code" />
          <col className="col-label" />
          <col className="col-unit" />
          <col className="col-value" />
          <col className="col-source" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">STT</th>
            <th scope="col">Chỉ tiêu</th>
            <th scope="col">Đơn vị tính</th>
            <th scope="col">Số liệu</th>
            <th scope="col">Nguồn</th>
          </tr>
        </thead>
        <tbody>
          {template.rows.map((row) => (
            <ReportRow key={row.id} row={row} {...props} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportRow({ row, template, saved, values, edits, findingsByRow, readOnly, scope, viewerUnitId, onEdit, justificationText, onJustify }: ReportTableProps & { row: TemplateRow }) {
  const findings = findingsByRow.get(row.id) ?? [];
  const hasError = findings.some((f) => f.severity === 'error');
  const hasWarning = findings.some((f) => f.severity === 'warning');
  const heading = row.kind === 'heading';
  const classes = ['report-row', heading ? `row-heading row-heading-${Math.min(row.depth, 2)}` : '', row.isPart ? 'row-part' : '', hasError ? 'row-error' : hasWarning ? 'row-warning' : '']
    .filter(Boolean)
    .join(' ');
  const labelledBy = `code-${row.id} label-${row.id}`;
  return (
    <Fragment>
      {startsPartGroup(template, row) && (
        <tr className="row-part-intro" aria-hidden="true">
          <td />
          <td style={indent(row.depth)}>
            <em>Trong đó:</em>
          </td>
          <td colSpan={3} />
        </tr>
      )}
      <tr id={`row-${row.id}`} className={classes}>
        <td id={`code-${row.id}`} className="report-code">
          {row.code ?? ''}
        </td>
        <td className="report-label" style={indent(row.depth)}>
          {startsPartGroup(template, row) && <span className="visually-hidden">Trong đó: </span>}
          <span id={`label-${row.id}`}>{row.label}</span>
          {row.help && <small className="row-note">{row.help}</small>}
        </td>
        <td className="report-unit">{heading ? '' : (row.unit ?? '')}</td>
        <td className="report-value">
          <ValueCell
            row={row}
            saved={saved.get(row.id)}
            live={values.get(row.id)}
            edit={edits.get(row.id)}
            onEdit={(edit) => onEdit(row.id, edit)}
            readOnly={readOnly}
            labelledBy={labelledBy}
            describedBy={findings.length > 0 ? `findings-${row.id}` : undefined}
            invalid={hasError}
          />
        </td>
        <td className="report-source">
          <SourceCell template={template} row={row} provenance={values.get(row.id)?.provenance} scope={scope} viewerUnitId={viewerUnitId} />
        </td>
      </tr>
      {findings.length > 0 && (
        <tr className={`finding-row ${hasError ? 'finding-row-error' : hasWarning ? 'finding-row-warning' : 'finding-row-information'}`}>
          <td />
          <td colSpan={4}>
            <RowFindings rowId={row.id} findings={findings} justificationText={justificationText} onJustify={readOnly ? null : onJustify} />
          </td>
        </tr>
      )}
    </Fragment>
  );
}
