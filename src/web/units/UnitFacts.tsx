import type { UnitDetail } from '../api/types';
import { formatDate } from '../format/date';
import { formatNumber } from '../format/number';
import { levelLabel } from './levelLabel';

export function UnitFacts({ detail }: { detail: UnitDetail }) {
  const { unit, children } = detail;
  return (
    <dl className="facts">
      <dt>Mã đơn vị</dt>
      <dd>{unit.code}</dd>
      <dt>Cấp</dt>
      <dd>{levelLabel(unit)}</dd>
      <dt>Hiệu lực từ</dt>
      <dd>{formatDate(unit.validFrom)}</dd>
      <dt>Hiệu lực đến</dt>
      <dd>{formatDate(unit.validTo)}</dd>
      {children.length > 0 && (
        <>
          <dt>Đơn vị trực thuộc</dt>
          <dd>{formatNumber(children.length)}</dd>
        </>
      )}
    </dl>
  );
}
