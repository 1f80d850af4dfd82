import { REQUIRED_DOSSIER_FIELDS, type DossierField } from '../../domain/dossiers/dossier-row';
import { CODED_COLUMNS, type CodedColumn } from '../../domain/dossiers/import-guide';
import type { ImportSource } from '../api/imports';

const CODED = new Map(CODED_COLUMNS.map((c) => [c.field, c]));

function AcceptedValues({ column }: { column: CodedColumn }) {
  return (
    <p className="accepted-values">
      Giá trị: {column.values.map((v, i) => (
        <span key={v}>
          {i > 0 && ', '}
          <q>{v}</q>
        </span>
      ))}
      {column.blankAllowed && ' (hoặc để trống)'}
      {column.alsoRead.length > 0 && <span className="hint">; cũng đọc được: {column.alsoRead.join(', ')}</span>}
    </p>
  );
}

/** The columns an export should have, our name first, with the other names that are also read and the values of coded columns. */
export function CanonicalColumns({ source }: { source: ImportSource }) {
  const saved = Object.entries(source.columnMap);
  return (
    <div className="canonical-columns">
      <p>
        Dòng đầu tiên của tệp là tên cột. Phần mềm nhận ra các tên cột sau (không phân biệt hoa thường, có dấu hay không dấu); cột có dấu * là bắt
        buộc. Ngày viết dạng dd/mm/yyyy hoặc dd/mm/yyyy HH:mm; các cột Có/Không nhận Có, Không, x, 1, 0.
      </p>
      <ol className="column-list">
        {Object.entries(source.canonical).map(([field, headers]) => (
          <li key={field}>
            <strong>{headers[0]}</strong>
            {REQUIRED_DOSSIER_FIELDS.includes(field as DossierField) && <span aria-label="bắt buộc"> *</span>}
            {headers.length > 1 && <span className="hint"> — hoặc: {headers.slice(1).join(', ')}</span>}
            {CODED.get(field as DossierField) && <AcceptedValues column={CODED.get(field as DossierField)!} />}
          </li>
        ))}
      </ol>
      {saved.length > 0 && (
        <p className="hint">
          Nguồn “{source.source}” còn có cách đọc cột riêng:{' '}
          {saved.map(([field, header]) => `${source.canonical[field]?.[0] ?? field} ← “${header}”`).join('; ')}.
        </p>
      )}
    </div>
  );
}
