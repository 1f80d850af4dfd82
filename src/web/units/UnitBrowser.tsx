import { useState } from 'react';
import type { UnitNode } from '../api/types';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { LoadingNotice } from '../ui/LoadingNotice';
import { UnitSearchBox } from './UnitSearchBox';
import { UnitSearchResults } from './UnitSearchResults';
import { UnitTree } from './UnitTree';

interface Props {
  /** False while the provinces of a newly chosen era load: the search box stays, results wait. */
  ready: boolean;
  root: UnitNode | null;
  asOf: string;
  selectedId: number | null;
  myUnitId: number;
  onSelect: (unitId: number) => void;
}

/** Search box over either the search results (while a query is typed) or the province tree. */
export function UnitBrowser({ ready, root, asOf, selectedId, myUnitId, onSelect }: Props) {
  const [query, setQuery] = useState('');
  const [nationwide, setNationwide] = useState(false);
  const debounced = useDebouncedValue(query, 300);
  const searching = query.trim() !== '';
  const withinId = nationwide || !root ? null : root.id;

  return (
    <div className="panel units-browser">
      <UnitSearchBox
        query={query}
        onQueryChange={setQuery}
        nationwide={nationwide || !root}
        onNationwideChange={setNationwide}
        scopeName={root?.name ?? null}
      />
      {!ready ? (
        <LoadingNotice text="Đang tải danh mục đơn vị…" />
      ) : searching ? (
        <UnitSearchResults
          query={debounced}
          asOf={asOf}
          withinId={withinId}
          selectedId={selectedId}
          myUnitId={myUnitId}
          onSelect={onSelect}
        />
      ) : root ? (
        <UnitTree root={root} asOf={asOf} selectedId={selectedId} myUnitId={myUnitId} onSelect={onSelect} />
      ) : (
        <p className="hint">Chọn một tỉnh, thành phố để xem cây đơn vị.</p>
      )}
    </div>
  );
}
