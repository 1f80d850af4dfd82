import type { UnitNode } from '../api/types';
import { formatNumber } from '../format/number';

/** What follows a row: how many units it contains, and whether it is the user's own unit. */
export function UnitRowMarks({ node, mine }: { node: UnitNode; mine: boolean }) {
  return (
    <>
      {node.childCount > 0 && (
        <span className="unit-count" title={`${formatNumber(node.childCount)} đơn vị trực thuộc`}>
          {formatNumber(node.childCount)} đơn vị
        </span>
      )}
      {mine && <span className="badge">Đơn vị của tôi</span>}
    </>
  );
}
