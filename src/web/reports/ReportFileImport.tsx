import { useId, useState } from 'react';
import { importReportFile, type ImportedReportDto, type Report } from '../api/reports';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';

/** No report file is this big. */
const MAX_BYTES = 5 * 1024 * 1024;

interface Props {
  report: Report;
  /** Edits typed and not saved: a file would be loaded under them. */
  unsaved: number;
  onImported: (result: ImportedReportDto) => void;
}

/**
 * "Nhập số liệu từ tệp": an interchange file (docs/interchange.md) — values, notes, and when present
 * the document's meta and narrative — loaded into this report, checked as the form does. A file for
 * another template, period or unit is refused here before it is sent.
 */
export function ReportFileImport({ report, unsaved, onImported }: Props) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = async (file: File) => {
    setError(null);
    setMessage(null);
    if (file.size > MAX_BYTES) return setError(new Error(`Tệp "${file.name}" lớn hơn 5 MB: không phải tệp số liệu báo cáo.`));
    let data: { template?: unknown; period?: unknown; unit?: unknown };
    try {
      data = JSON.parse(await file.text()) as typeof data;
    } catch (failure) {
      return setError(new Error(`Tệp "${file.name}" không phải JSON hợp lệ (${(failure as Error).message}).`));
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return setError(new Error(`Tệp "${file.name}" không phải tệp số liệu báo cáo.`));
    const mismatch: string[] = [];
    if (data.template !== report.templateId) mismatch.push(`biểu mẫu "${String(data.template)}" (báo cáo này: "${report.templateId}")`);
    if (data.period !== report.periodId) mismatch.push(`kỳ "${String(data.period)}" (báo cáo này: "${report.periodId}")`);
    if (data.unit !== undefined && data.unit !== report.unit.code) mismatch.push(`đơn vị "${String(data.unit)}" (báo cáo này: "${report.unit.code}")`);
    if (mismatch.length > 0) return setError(new Error(`Tệp "${file.name}" không dành cho báo cáo này: ${mismatch.join('; ')}.`));
    setBusy(true);
    try {
      const result = await importReportFile({ ...data, unit: report.unit.code });
      setMessage(
        `Đã nhập "${file.name}": ${result.changed.length} dòng thay đổi, ${result.overridden.length} số tự động được sửa có lý do, ${result.justified} cảnh báo được giải trình${result.documentSaved ? ', văn bản báo cáo đã lưu' : ''}.`,
      );
      onImported(result);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="report-file-import">
      <summary>Nhập số liệu từ tệp JSON</summary>
      <p className="hint">
        Tệp trao đổi (xem tài liệu “Định dạng trao đổi”): values theo mã dòng, "-" khi không phát sinh; notes là lý do sửa số tự động hoặc lời giải trình cảnh báo;
        meta và narrative thay thông tin và nội dung văn bản. Dòng không có trong tệp được giữ nguyên.
      </p>
      {unsaved > 0 && <Notice kind="warning">Còn {unsaved} thay đổi chưa lưu: hãy lưu trước khi nhập tệp.</Notice>}
      <label htmlFor={id}>Chọn tệp .json</label>{' '}
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        disabled={busy || unsaved > 0}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void load(file);
        }}
      />
      {busy && <span className="hint"> Đang nhập…</span>}
      <ErrorNotice error={error} />
      {message && <Notice kind="success">{message}</Notice>}
    </details>
  );
}
