import { useState } from 'react';
import { listUnits } from '../api/units';
import type { UnitNode } from '../api/types';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { UnitLabel } from './UnitLabel';
import { UnitRowMarks } from './UnitRowMarks';

export interface UnitTreeContext {
  asOf: string;
  selectedId: number | null;
  myUnitId: number;
  onSelect: (unitId: number) => void;
}

interface Props extends UnitTreeContext {
  node: UnitNode;
  depth: number;
  initiallyExpanded?: boolean;
}

/** One row of the tree; its children are fetched the first time it is opened. */
export function UnitTreeNode({ node, depth, initiallyExpanded = false, ...context }: Props) {
  const [expanded, setExpanded] = useState(initiallyExpanded);
  const [opened, setOpened] = useState(initiallyExpanded);
  const hasChildren = node.childCount > 0;
  const children = useApiQuery(
    opened && hasChildren ? (signal) => listUnits({ parentId: node.id, asOf: context.asOf }, signal) : null,
    [opened, hasChildren, node.id, context.asOf],
  );
  const toggle = () => {
    setOpened(true);
    setExpanded((value) => !value);
  };
  const selected = context.selectedId === node.id;

  return (
    <li className="tree-item">
      <div className={`tree-row${selected ? ' is-selected' : ''}`} style={{ paddingLeft: `${depth * 1.25 + 0.25}rem` }}>
        {hasChildren ? (
          <button
            type="button"
            className="tree-toggle"
            aria-expanded={expanded}
            aria-label={`${expanded ? 'Thu gọn' : 'Mở rộng'} ${node.name}`}
            onClick={toggle}
          >
            <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
          </button>
        ) : (
          <span className="tree-toggle" aria-hidden="true" />
        )}
        <button
          type="button"
          className="unit-row-button"
          aria-current={selected ? 'true' : undefined}
          onClick={() => context.onSelect(node.id)}
        >
          <UnitLabel unit={node} />
        </button>
        <UnitRowMarks node={node} mine={node.id === context.myUnitId} />
      </div>
      {expanded && hasChildren && (
        <>
          {children.loading && <LoadingNotice text={`Đang tải các đơn vị thuộc ${node.name}…`} />}
          <ErrorNotice error={children.error} />
          {children.data && (
            <ul className="tree-group" aria-label={`Các đơn vị thuộc ${node.name}`}>
              {children.data.map((child) => (
                <UnitTreeNode key={child.id} node={child} depth={depth + 1} {...context} />
              ))}
            </ul>
          )}
        </>
      )}
    </li>
  );
}
