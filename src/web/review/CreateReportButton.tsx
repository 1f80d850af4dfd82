import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { computeReport } from '../api/reports';
import { ErrorNotice } from '../ui/ErrorNotice';

interface Props {
  unitId: number;
  templateId: string;
  periodId: string;
  /** Said to screen readers after the button's text: which report. */
  context: string;
}

/** Creates the unit's report for the period (computed from its dossiers) and opens it. */
export function CreateReportButton({ unitId, templateId, periodId, context }: Props) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await computeReport({ unitId, templateId, periodId });
      navigate(`/bao-cao/${report.id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button button-primary button-small" onClick={create} disabled={busy}>
        {busy ? 'Đang lập…' : 'Lập báo cáo'}
        <span className="visually-hidden"> {context}</span>
      </button>
      <ErrorNotice error={error} />
    </>
  );
}
