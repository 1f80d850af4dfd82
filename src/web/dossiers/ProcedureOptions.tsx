import type { Procedure } from '../api/dossiers';

/** Procedures as <option>s grouped by field (lĩnh vực), fields and names in Vietnamese order. */
export function ProcedureOptions({ procedures }: { procedures: Procedure[] }) {
  const byField = new Map<string, Procedure[]>();
  for (const p of procedures) byField.set(p.field, [...(byField.get(p.field) ?? []), p]);
  const fields = [...byField.keys()].sort((a, b) => a.localeCompare(b, 'vi'));
  return (
    <>
      {fields.map((field) => (
        <optgroup key={field} label={field}>
          {byField
            .get(field)!
            .slice()
            .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.code})
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}
