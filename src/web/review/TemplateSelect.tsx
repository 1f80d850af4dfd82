import { useId } from 'react';
import type { TemplateJson } from '../api/reports';

/** Chooses one of the templates by its title and issuer. */
export function TemplateSelect({ templates, value, onChange }: { templates: readonly TemplateJson[]; value: string; onChange: (id: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Biểu mẫu</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {templates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title} ({t.issuer})
          </option>
        ))}
      </select>
    </div>
  );
}
