import type { RollupBasis } from '../api/review';

export const BASIS_LABELS: Record<RollupBasis, string> = {
  approved: 'Chỉ báo cáo đã duyệt',
  submitted: 'Gồm cả báo cáo chờ duyệt',
};

/** Which reports count: approved only, or also those submitted and waiting for review. */
export function BasisChoice({ value, onChange }: { value: RollupBasis; onChange: (basis: RollupBasis) => void }) {
  return (
    <fieldset className="fieldset basis-choice">
      <legend>Báo cáo được tính</legend>
      {(Object.keys(BASIS_LABELS) as RollupBasis[]).map((basis) => (
        <label key={basis} className="radio">
          <input type="radio" name="rollup-basis" value={basis} checked={value === basis} onChange={() => onChange(basis)} />
          {BASIS_LABELS[basis]}
        </label>
      ))}
    </fieldset>
  );
}
