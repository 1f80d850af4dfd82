import { useId, useMemo, useState } from 'react';
import type { DocumentMeta } from '../../domain/narrative/document-meta';
import { editGenerated, flattenSections, generatedText, isOutdated, type GeneratedBlock, type Narrative } from '../../domain/narrative/narrative';
import { figureChanges } from '../../domain/reports/paragraph-figures-check';
import { outlineIds, templateOutline } from '../../domain/narrative/outline';
import type { Template } from '../../domain/templates/template';
import { getReportDocument, reportExportUrl, saveReportDocument, type ReportDocumentDto } from '../api/reports';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDownload } from '../hooks/useDownload';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';
import { blocksToText, mapSections, narrativeWithTexts } from './document-text';
import { DocumentDateField } from './DocumentDateField';
import { DocumentPreview } from './DocumentPreview';
import { NarrativeEditor } from './NarrativeEditor';

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

export interface ReportDocumentPanelProps {
  reportId: number;
  readOnly: boolean;
  /** The report's template: its outline (which saved sections it no longer has) and the appendix of the preview. */
  template?: Template | undefined;
  /** The report's values as on the page (edits included), for the appendix of the preview. */
  values?: ReadonlyMap<string, { value: number | string | null }> | undefined;
}

/**
 * "Văn bản báo cáo": the metadata of the signed document, the narrative section by section
 * (free text in a light markup; generated paragraphs read-only unless "Sửa"), a preview of the whole
 * document as it will print, and the downloads.
 */
export function ReportDocumentPanel({ reportId, readOnly, template, values }: ReportDocumentPanelProps) {
  const loaded = useApiQuery((signal) => getReportDocument(reportId, signal), [reportId]);
  const download = useDownload();
  return (
    <section className="panel report-document" aria-labelledby="report-document-title">
      <h2 id="report-document-title">Văn bản báo cáo</h2>
      <div className="toolbar-row" role="toolbar" aria-label="Tải văn bản báo cáo">
        {(['docx', 'xlsx', 'pdf'] as const).map((format) => (
          <a key={format} className="button" href={reportExportUrl(reportId, format)} download onClick={download.onClick} aria-busy={download.busy === reportExportUrl(reportId, format)}>
            {download.busy === reportExportUrl(reportId, format) ? `Đang tạo ${format.toUpperCase()}…` : `Tải ${format.toUpperCase()}`}
          </a>
        ))}
      </div>
      <ErrorNotice error={download.error} />
      <ErrorNotice error={loaded.error} />
      {!loaded.data && !loaded.error && <LoadingNotice />}
      {loaded.data && <DocumentForm key={loaded.data.revision} initial={loaded.data} readOnly={readOnly} template={template} values={values} />}
    </section>
  );
}

function DocumentForm({ initial, readOnly, template, values }: { initial: ReportDocumentDto; readOnly: boolean } & Pick<ReportDocumentPanelProps, 'template' | 'values'>) {
  const id = useId();
  const [previewing, setPreviewing] = useState(false);
  // Sections the template's outline no longer has: kept because they hold text (see applyOutline).
  const outline = useMemo(() => (template ? outlineIds(templateOutline(template)) : null), [template]);
  const [meta, setMeta] = useState<DocumentMeta>(initial.meta);
  const [narrative, setNarrative] = useState<Narrative>(initial.narrative);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(flattenSections(initial.narrative.sections).map(({ section }) => [section.id, blocksToText(section.blocks)])),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // The version this editor started from: a save after someone else's is refused, not merged blindly.
  const [revision, setRevision] = useState<number>(initial.revision);
  // Whether the document is stored at all (false: the defaults are shown); a save makes it so.
  const [stored, setStored] = useState(initial.saved);
  const set = <K extends keyof DocumentMeta>(key: K, value: DocumentMeta[K]) => setMeta((m) => ({ ...m, [key]: value }));

  const save = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const body = narrativeWithTexts(narrative, texts);
      const saved = await saveReportDocument(initial.reportId, { meta, narrative: body, expectedRevision: revision });
      setRevision(saved.revision);
      setStored(true);
      setMeta(saved.meta);
      setNarrative(saved.narrative);
      setMessage('Đã lưu văn bản báo cáo.');
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  const editBlock = (sectionId: string, index: number, text: string | null) =>
    setNarrative((n) =>
      mapSections(n, (s) =>
        s.id !== sectionId
          ? s
          : { ...s, blocks: s.blocks.map((b, i) => (i === index && b.type === 'generated' ? (text === null ? { ...b, edited: null } : editGenerated(b, text)) : b)) },
      ),
    );

  const field = (key: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {input}
      {hint && <small className="hint">{hint}</small>}
    </div>
  );

  const previewId = `${id}-preview`;
  const typed = useMemo(() => narrativeWithTexts(narrative, texts), [narrative, texts]);
  return (
    <div className={`document-layout${previewing ? ' with-preview' : ''}`}>
      <form
        className="form document-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="toolbar-row">
          <button type="button" className="button" aria-expanded={previewing} aria-controls={previewId} onClick={() => setPreviewing((p) => !p)}>
            {previewing ? 'Ẩn xem trước' : 'Xem trước'}
          </button>
        </div>
        {!stored && <Notice kind="info">Chưa lưu: đây là nội dung mặc định theo đơn vị, kỳ báo cáo và báo cáo kỳ trước.</Notice>}
        <fieldset disabled={readOnly || busy}>
          <legend>Thông tin văn bản</legend>
          <div className="form-row">
            {field('number', 'Số', <input id={`${id}-number`} value={meta.number ?? ''} onChange={(e) => set('number', e.target.value.trim() === '' ? null : e.target.value)} />, 'Để trống cho văn thư điền')}
            {field('symbol', 'Ký hiệu', <input id={`${id}-symbol`} value={meta.symbol} onChange={(e) => set('symbol', e.target.value)} />)}
            {field('place', 'Nơi ban hành', <input id={`${id}-place`} value={meta.place} onChange={(e) => set('place', e.target.value)} />)}
            {field('date', 'Ngày', <DocumentDateField id={`${id}-date`} value={meta.date} onChange={(date) => set('date', date)} />, 'dd/mm/yyyy (hoặc mm/yyyy để văn thư điền ngày)')}
          </div>
          {field('addressees', 'Kính gửi', <textarea id={`${id}-addressees`} rows={2} value={meta.addressees.join('\n')} onChange={(e) => set('addressees', lines(e.target.value))} />, 'Mỗi nơi một dòng; để trống nếu không có')}
          {field('summary', 'Trích yếu', <input id={`${id}-summary`} value={meta.summary} onChange={(e) => set('summary', e.target.value)} />)}
          <div className="form-row">
            {field('head', 'Chức vụ người ký', <input id={`${id}-head`} value={meta.signature.headTitle} onChange={(e) => set('signature', { ...meta.signature, headTitle: e.target.value })} />)}
            {field('signer', 'Người ký', <input id={`${id}-signer`} value={meta.signature.name} onChange={(e) => set('signature', { ...meta.signature, name: e.target.value })} />)}
          </div>
          {field('recipients', 'Nơi nhận', <textarea id={`${id}-recipients`} rows={3} value={meta.recipients.join('\n')} onChange={(e) => set('recipients', lines(e.target.value))} />, 'Mỗi nơi một dòng')}
        </fieldset>
        <fieldset disabled={readOnly || busy}>
          <legend>Nội dung</legend>
          <p className="hint">Chữ đậm, nghiêng, danh sách gạch đầu dòng: chọn chữ rồi bấm nút phía trên mỗi mục (hoặc Ctrl+B, Ctrl+I). Enter mở đoạn mới.</p>
          {flattenSections(narrative.sections).map(({ section, heading, depth }) => (
            <div key={section.id} className={`narrative-section depth-${depth}`}>
              <label htmlFor={`${id}-s-${section.id}`} id={`${id}-h-${section.id}`} className="narrative-heading">
                {heading}
              </label>
              {outline && !outline.has(section.id) && (
                <small className="hint">Mục này không còn trong dàn ý của biểu mẫu, được giữ lại vì có nội dung. Xóa hết nội dung của mục để bỏ mục khi lưu.</small>
              )}
              <NarrativeEditor
                id={`${id}-s-${section.id}`}
                labelledBy={`${id}-h-${section.id}`}
                value={texts[section.id] ?? ''}
                disabled={readOnly || busy}
                onChange={(text) => setTexts((t) => ({ ...t, [section.id]: text }))}
              />
              {section.blocks.map((block, index) =>
                block.type === 'generated' ? (
                  <GeneratedParagraph key={index} block={block} readOnly={readOnly} onChange={(text) => editBlock(section.id, index, text)} />
                ) : null,
              )}
            </div>
          ))}
        </fieldset>
        <ErrorNotice error={error} />
        {message && <Notice kind="success">{message}</Notice>}
        {!readOnly && (
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? 'Đang lưu…' : 'Lưu văn bản'}
          </button>
        )}
      </form>
      {previewing && <DocumentPreview id={previewId} meta={meta} narrative={typed} template={template} values={values} />}
    </div>
  );
}

function GeneratedParagraph({ block, readOnly, onChange }: { block: GeneratedBlock; readOnly: boolean; onChange: (text: string | null) => void }) {
  const [editing, setEditing] = useState(false);
  const text = generatedText(block);
  return (
    <div className={`generated-paragraph${block.edited ? ' generated-edited' : ''}`}>
      <p className="hint">
        {block.edited ? 'Đoạn sinh từ số liệu — đã sửa tay' : 'Đoạn sinh từ số liệu'}
        {isOutdated(block) && ' (số liệu đã thay đổi sau khi sửa)'}
      </p>
      {isOutdated(block) && (
        <p className="generated-outdated" role="note">
          Đoạn đã sửa tay vẫn ghi số liệu cũ
          {(() => {
            const changes = figureChanges(block.edited!.basedOn, block.text);
            return changes.length > 0 ? ` (${changes.join('; ')})` : '';
          })()}
          : bấm “Dùng lại đoạn tự sinh” hoặc sửa lại theo số liệu mới, nếu không văn bản sẽ mâu thuẫn với phụ lục.
        </p>
      )}
      {editing ? (
        <textarea aria-label="Sửa đoạn sinh từ số liệu" rows={5} value={text} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <p className="generated-text">{text || <em>Chưa có số liệu.</em>}</p>
      )}
      {!readOnly && (
        <div className="toolbar-row">
          <button type="button" className="button button-small" onClick={() => setEditing((e) => !e)}>
            {editing ? 'Xong' : 'Sửa'}
          </button>
          {block.edited && (
            <button type="button" className="button button-small button-quiet" onClick={() => onChange(null)}>
              Dùng lại đoạn tự sinh
            </button>
          )}
        </div>
      )}
    </div>
  );
}
