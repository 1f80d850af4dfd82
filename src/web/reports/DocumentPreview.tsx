import { useDeferredValue, useMemo } from 'react';
import { STANDARD_HEADERS, type AppendixCell } from '../../domain/narrative/appendix';
import type { DocumentMeta } from '../../domain/narrative/document-meta';
import { documentModel, RECIPIENTS_LABEL, type BodyItem, type DocumentAppendix } from '../../domain/narrative/document-model';
import type { Inline, Narrative } from '../../domain/narrative/narrative';
import type { Template } from '../../domain/templates/template';

export interface DocumentPreviewProps {
  id?: string;
  meta: DocumentMeta;
  narrative: Narrative;
  /** With values: the appendix table follows the report. */
  template?: Template | null | undefined;
  values?: ReadonlyMap<string, { value: number | string | null }> | null | undefined;
}

/**
 * The report as it will print, in HTML: the same words in the same order as the DOCX (both come from
 * documentModel), from what is on the form now, saved or not. Text is rendered as text, never as HTML.
 */
export function DocumentPreview({ id, meta, narrative, template, values }: DocumentPreviewProps) {
  // Typing stays smooth on a long report: the preview follows a moment later.
  const shown = useDeferredValue({ meta, narrative, values });
  const model = useMemo(
    () =>
      documentModel({
        meta: shown.meta,
        narrative: shown.narrative,
        template: template ?? null,
        columns: template && shown.values ? [{ header: STANDARD_HEADERS.value, values: shown.values }] : null,
      }),
    [shown, template],
  );
  const { header, title, body, signature, appendix } = model;
  return (
    <section id={id} className="document-preview" aria-label="Xem trước văn bản">
      <p className="hint">Bản xem trước theo nội dung đang soạn (kể cả phần chưa lưu). Tệp tải về in nội dung đã lưu.</p>
      <article className="paper" lang="vi">
        <div className="paper-header">
          <div className="paper-header-col">
            {header.parentBody.map((line, i) => (
              <p key={`p${i}`}>{line}</p>
            ))}
            {header.issuer.map((line, i) => (
              <p key={`i${i}`} className="strong">
                {line}
              </p>
            ))}
            <span className="paper-rule paper-rule-short" aria-hidden="true" />
            <p className="paper-number">{header.number}</p>
          </div>
          <div className="paper-header-col">
            <p className="strong">{header.nationalName}</p>
            <p className="strong paper-motto">{header.motto}</p>
            <p className="paper-place-date">
              {header.placeDate ?? <span className="preview-problem">Ngày ban hành không hợp lệ: “{meta.date}”</span>}
            </p>
          </div>
        </div>
        <div className="paper-title">
          <p className="strong">{title.documentType}</p>
          {title.summary.map((line, i) => (
            <p key={i} className="strong">
              {line}
            </p>
          ))}
          {title.dataWindow && <p className="em">{title.dataWindow}</p>}
          <span className="paper-rule paper-rule-short" aria-hidden="true" />
          {title.addressees.length > 0 && (
            <div className={title.addressees.length === 1 ? 'paper-addressees one' : 'paper-addressees'}>
              {title.addressees.map((line, i) => (
                <p key={i}>{line}</p>
              ))}
            </div>
          )}
        </div>
        <div className="paper-body">
          {body.map((item, i) => (
            <BodyElement key={i} item={item} />
          ))}
        </div>
        <div className="paper-signature">
          <div className="paper-recipients">
            {signature.recipients.length > 0 && (
              <>
                <p className="strong em">{RECIPIENTS_LABEL}</p>
                {signature.recipients.map((line, i) => (
                  <p key={i}>{line}</p>
                ))}
              </>
            )}
          </div>
          <div className="paper-signer">
            {signature.titleLines.map((line, i) => (
              <p key={i} className="strong">
                {line}
              </p>
            ))}
            <div className="paper-signature-space" aria-hidden="true" />
            <p className="strong">{signature.name}</p>
          </div>
        </div>
      </article>
      {appendix && <AppendixPaper appendix={appendix} />}
    </section>
  );
}

function Runs({ runs }: { runs: Inline[] }) {
  return (
    <>
      {runs.map((run, i) => {
        let node: React.ReactNode = run.text;
        if (run.italic) node = <em>{node}</em>;
        if (run.bold) node = <strong>{node}</strong>;
        return <span key={i}>{node}</span>;
      })}
    </>
  );
}

function BodyElement({ item }: { item: BodyItem }) {
  switch (item.type) {
    case 'section': {
      const Heading = item.depth === 0 ? 'h3' : item.depth === 1 ? 'h4' : 'h5';
      return <Heading className={`paper-section depth-${item.depth}`}>{item.heading}</Heading>;
    }
    case 'paragraph':
      return (
        <p className="paper-paragraph">
          <Runs runs={item.runs} />
        </p>
      );
    case 'subheading':
      return (
        <p className="paper-paragraph strong">
          <Runs runs={item.runs} />
        </p>
      );
    case 'bullet':
      return (
        <p className="paper-paragraph">
          {item.marker} <Runs runs={item.runs} />
        </p>
      );
    case 'generated':
      return (
        <p className="paper-paragraph paper-generated" title={item.edited ? 'Đoạn sinh từ số liệu, đã sửa tay' : 'Đoạn sinh từ số liệu'}>
          {item.text}
        </p>
      );
  }
}

const cellText = (cell: AppendixCell) => (cell.type === 'blank' ? '' : cell.text);

function AppendixPaper({ appendix }: { appendix: DocumentAppendix }) {
  return (
    <article className="paper paper-appendix" lang="vi" aria-label="Phụ lục">
      <div className="paper-title">
        {appendix.heading.titleLines.map((line, i) => (
          <p key={i} className="strong">
            {line}
          </p>
        ))}
        <p className="em">{appendix.heading.attachedTo}</p>
      </div>
      <table className="paper-table">
        <thead>
          <tr>
            {appendix.headers.map((h, i) => (
              <th key={i} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {appendix.rows.map((row) => (
            <tr key={row.rowId} className={row.bold ? 'strong' : undefined}>
              <td className={row.codeIsNote ? 'em' : undefined}>{row.code}</td>
              <td className="paper-table-label" style={row.indent ? { paddingLeft: `${0.4 + row.indent}rem` } : undefined}>
                {row.label}
              </td>
              <td>{row.unit}</td>
              {row.cells.map((cell, i) => (
                <td key={i}>{cellText(cell)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
