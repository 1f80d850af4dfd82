import { Fragment } from 'react';
import type { Template, TemplateRow } from '../../domain/templates/template';
import type { RolledValue, Rollup } from '../api/review';
import { startsPartGroup } from '../reports/template';
import { METHOD_LABELS, rolledText, rowCoverageText } from './rollupView';

interface Props {
  template: Template;
  rollup: Rollup;
  values: ReadonlyMap<string, RolledValue>;
  selectedRowId: string | null;
  onSelect: (rowId: string) => void;
}

const indent = (depth: number) => ({ paddingLeft: `${0.6 + depth * 1.25}rem` });

/** The appendix with the rolled-up figures; a figure opens the units behind it. */
export function RollupTable({ template, rollup, values, selectedRowId, onSelect }: Props) {
  return (
    <div className="table-wrap">
      <table className="table report-table rollup-table" aria-label={`Số liệu tổng hợp — ${template.title}`}>
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
            <th scope="col">Số liệu tổng hợp</th>
            <th scope="col">Cách tổng hợp, phạm vi</th>
          </tr>
        </thead>
        <tbody>
          {template.rows.map((row) => (
            <RollupRow key={row.id} template={template} rollup={rollup} row={row} rolled={values.get(row.id)} selected={row.id === selectedRowId} onSelect={onSelect} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RollupRow({
  template,
  rollup,
  row,
  rolled,
  selected,
  onSelect,
}: {
  template: Template;
  rollup: Rollup;
  row: TemplateRow;
  rolled: RolledValue | undefined;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const heading = row.kind === 'heading';
  const text = rolledText(row, rolled);
  const classes = ['report-row', heading ? `row-heading row-heading-${Math.min(row.depth, 2)}` : '', row.isPart ? 'row-part' : '', selected ? 'row-selected' : ''].filter(Boolean).join(' ');
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
      <tr id={`rollup-row-${row.id}`} className={classes}>
        <td className="report-code">{row.code ?? ''}</td>
        <td className="report-label" style={indent(row.depth)}>
          {row.label}
        </td>
        <td className="report-unit">{heading ? '' : (row.unit ?? '')}</td>
        <td className="report-value">
          {!heading && rolled && (
            <button
              type="button"
              className={`rollup-value${rolled.value === null ? ' rollup-value-empty' : ''}`}
              onClick={() => onSelect(row.id)}
              aria-pressed={selected}
              aria-label={`${text} — số liệu từng đơn vị: ${row.code ? `${row.code} ` : ''}${row.label}`}
            >
              {text}
            </button>
          )}
          {rolled?.note && <small className="rollup-note">{rolled.note}</small>}
        </td>
        <td className="report-source">
          {!heading && rolled && (
            <>
              <span>{METHOD_LABELS[rolled.method]}</span>
              {rolled.method !== 'none' && (
                <small className={`rollup-coverage${rolled.coverage.leftOut.length > 0 ? ' rollup-coverage-partial' : ''}`} data-testid={`coverage-${row.id}`}>
                  {' · '}
                  {rowCoverageText(rolled, rollup)}
                </small>
              )}
            </>
          )}
        </td>
      </tr>
    </Fragment>
  );
}
