import { useCallback, useMemo, useState } from 'react';
import type { ReportValue } from '../../domain/reports/report-values';
import type { Template } from '../../domain/templates/template';
import type { Finding } from '../../domain/templates/validate';
import { computeReport, getReport, saveReportValues, type Report } from '../api/reports';
import { ApiError } from '../api/client';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { draftValues, findingsOf, justificationKey, pendingChanges, pendingJustifications, savedValues, type Edit } from './draft';

/** How long typing must pause before formulas and checks run again. */
const CHECK_DELAY_MS = 300;

export interface ReportDraft {
  report: Report;
  saved: Map<string, ReportValue>;
  /** The values with the edits applied and the formula rows recomputed (after a short pause in typing). */
  values: Map<string, ReportValue>;
  edits: ReadonlyMap<string, Edit>;
  findings: Finding[];
  /** 'live': checked in the browser on unsaved edits; 'saved': the server's check of the stored report. */
  findingsSource: 'live' | 'saved';
  /** Number of rows and justifications that would be sent. */
  unsaved: number;
  busy: 'save' | 'recompute' | null;
  error: Error | null;
  message: string | null;
  setEdit(rowId: string, edit: Edit | null): void;
  justificationText(rule: string, rowId: string): string;
  setJustification(rule: string, rowId: string, text: string): void;
  save(): Promise<void>;
  recompute(): Promise<void>;
  /** Fetches the stored report again, keeping what the official typed (after a conflict). */
  reload(): Promise<void>;
  /** Takes a newer answer of the server (after a transition). */
  replace(next: Report): void;
  /** Someone else saved the report meanwhile: the server refused our save. */
  conflict: boolean;
}

/** The report being filled in: the last answer of the server plus what the official typed since. */
export function useReportDraft(initial: Report, template: Template, today: string): ReportDraft {
  const [report, setReport] = useState(initial);
  const [edits, setEdits] = useState<ReadonlyMap<string, Edit>>(() => new Map());
  const [typed, setTyped] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [busy, setBusy] = useState<ReportDraft['busy']>(null);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const saved = useMemo(() => savedValues(report.values), [report.values]);
  const debounced = useDebouncedValue(edits, CHECK_DELAY_MS);
  // Saving empties the edits at once: no pause before the saved report shows.
  const checked = edits.size === 0 ? edits : debounced;
  const values = useMemo(() => draftValues(template, saved, checked), [template, saved, checked]);
  const changes = useMemo(() => pendingChanges(template, saved, edits), [template, saved, edits]);
  const checkedChanges = useMemo(() => pendingChanges(template, saved, checked), [template, saved, checked]);
  const justifications = useMemo(() => pendingJustifications(report.justifications, typed), [report.justifications, typed]);
  const live = checkedChanges.length > 0;
  const findings = useMemo(() => (live ? findingsOf(template, values, today) : report.findings), [live, template, values, today, report.findings]);

  const setEdit = useCallback((rowId: string, edit: Edit | null) => {
    setMessage(null);
    setEdits((current) => {
      const next = new Map(current);
      if (edit) next.set(rowId, edit);
      else next.delete(rowId);
      return next;
    });
  }, []);

  const stored = useMemo(() => new Map(report.justifications.map((j) => [justificationKey(j.rule, j.rowId), j.text])), [report.justifications]);
  const justificationText = useCallback(
    (rule: string, rowId: string) => typed.get(justificationKey(rule, rowId)) ?? stored.get(justificationKey(rule, rowId)) ?? '',
    [typed, stored],
  );
  const setJustification = useCallback((rule: string, rowId: string, text: string) => {
    setMessage(null);
    setTyped((current) => new Map(current).set(justificationKey(rule, rowId), text));
  }, []);

  const [conflict, setConflict] = useState(false);

  const run = async (kind: 'save' | 'recompute', call: () => Promise<Report>, done: (next: Report) => string) => {
    setBusy(kind);
    setError(null);
    setMessage(null);
    setConflict(false);
    try {
      const next = await call();
      setReport(next);
      setMessage(done(next));
      return next;
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      setConflict(failure instanceof ApiError && failure.status === 409);
      return null;
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    const body = { changes, ...(justifications.length > 0 ? { justifications } : {}), expectedRevision: report.revision };
    const next = await run(
      'save',
      () => saveReportValues(report.id, body),
      (r) => `Đã lưu bản nháp (phiên bản ${r.revision}).`,
    );
    if (next) {
      setEdits(new Map());
      setTyped(new Map());
    }
  };

  const recompute = async () => {
    await run(
      'recompute',
      () => computeReport({ unitId: report.unit.id, templateId: report.templateId, periodId: report.periodId }),
      (r) =>
        r.revision === report.revision
          ? `Đã tính lại từ hồ sơ: số liệu không thay đổi (vẫn là phiên bản ${r.revision}).`
          : `Đã tính lại số liệu từ hồ sơ (phiên bản ${r.revision}). Các số đã nhập và đã sửa được giữ nguyên.`,
    );
  };

  const reload = async () => {
    await run(
      'recompute',
      () => getReport(report.id),
      (r) => `Đã tải bản mới nhất (phiên bản ${r.revision}). Những ô bạn đang nhập vẫn được giữ; kiểm tra rồi bấm Lưu.`,
    );
  };

  const replace = useCallback((next: Report) => {
    setReport(next);
    setError(null);
    setConflict(false);
  }, []);

  return {
    report,
    saved,
    reload,
    replace,
    conflict,
    values,
    edits,
    findings,
    findingsSource: live ? 'live' : 'saved',
    unsaved: changes.length + justifications.length,
    busy,
    error,
    message,
    setEdit,
    justificationText,
    setJustification,
    save,
    recompute,
  };
}
