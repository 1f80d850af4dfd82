import { useEffect, useState, type FormEvent } from 'react';
import { getIndex766Inputs, saveIndex766Inputs } from '../api/index766';
import { formatInstant } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';

const MAX = 10_000_000;

/** The numbers the dossiers cannot give, entered by the unit for one month; saved values change the score at once. */
export function ManualInputs({ unitId, month, profileId, onSaved }: { unitId: number; month: string; profileId?: string | undefined; onSaved: () => void }) {
  const inputs = useApiQuery((signal) => getIndex766Inputs({ unitId, month, profileId }, signal), [unitId, month, profileId]);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (inputs.data) setDraft(Object.fromEntries(inputs.data.inputs.map((i) => [i.key, i.value === null ? '' : String(i.value)])));
  }, [inputs.data]);

  if (inputs.error) return <ErrorNotice error={inputs.error} />;
  if (!inputs.data) return <LoadingNotice />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const values: Record<string, number | null> = {};
    for (const input of inputs.data!.inputs) {
      const text = (draft[input.key] ?? '').replace(/\./g, '').trim();
      if (text === '') values[input.key] = null;
      else if (!/^\d+$/.test(text) || Number(text) > MAX) {
        setProblem(`"${input.label}": nhập số nguyên từ 0 đến 10.000.000.`);
        return;
      } else values[input.key] = Number(text);
    }
    setProblem(null);
    try {
      await saveIndex766Inputs({ unitId, month, values });
      setSaved(true);
      inputs.reload();
      onSaved();
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    }
  };

  return (
    <form className="index766-inputs" onSubmit={(e) => void submit(e)} aria-label="Số liệu nhập tay">
      {inputs.data.inputs.map((input) => (
        <label key={input.key}>
          <span>
            {input.label} ({input.unit})
            {input.updatedAt && (
              <span className="hint">
                {' '}
                — {input.updatedBy ?? 'dòng lệnh'}, {formatInstant(input.updatedAt)}
              </span>
            )}
          </span>
          <input inputMode="numeric" value={draft[input.key] ?? ''} onChange={(e) => setDraft({ ...draft, [input.key]: e.target.value })} aria-label={input.label} />
        </label>
      ))}
      {problem && <p role="alert" className="error">{problem}</p>}
      <ErrorNotice error={error} />
      {saved && <p role="status">Đã lưu số liệu nhập tay.</p>}
      <button type="submit" className="button">
        Lưu số liệu nhập tay
      </button>
    </form>
  );
}
