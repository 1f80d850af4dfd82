import type { UnitNode } from '../api/types';
import { UnitTreeNode, type UnitTreeContext } from './UnitTreeNode';

/** The tree under one province, opened one level at first. */
export function UnitTree({ root, ...context }: UnitTreeContext & { root: UnitNode }) {
  return (
    <ul className="tree" aria-label="Cây đơn vị hành chính">
      <UnitTreeNode key={`${root.id}@${context.asOf}`} node={root} depth={0} initiallyExpanded {...context} />
    </ul>
  );
}
