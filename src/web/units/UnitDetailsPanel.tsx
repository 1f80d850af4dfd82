import { getUnitDetail } from '../api/units';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { UnitAccounts } from './UnitAccounts';
import { UnitBreadcrumb } from './UnitBreadcrumb';
import { UnitFacts } from './UnitFacts';

interface Props {
  unitId: number;
  asOf: string;
  onSelect: (unitId: number) => void;
  onClose: () => void;
}

/** A unit's own page (guarded by the server: a 403 shows its message here). */
export function UnitDetailsPanel({ unitId, asOf, onSelect, onClose }: Props) {
  const detail = useApiQuery((signal) => getUnitDetail(unitId, asOf, signal), [unitId, asOf]);
  const data = detail.data?.unit.id === unitId ? detail.data : undefined;
  return (
    <section className="panel details-panel" aria-label="Thông tin đơn vị" aria-busy={detail.loading}>
      <div className="panel-head">
        <h2>{data ? data.unit.name : 'Thông tin đơn vị'}</h2>
        <button type="button" className="button button-quiet" onClick={onClose} aria-label="Đóng thông tin đơn vị">
          Đóng
        </button>
      </div>
      {detail.loading && !data && <LoadingNotice />}
      <ErrorNotice error={detail.error} />
      {data && !detail.error && (
        <>
          <UnitBreadcrumb unit={data.unit} ancestors={data.ancestors} onSelect={onSelect} />
          <UnitFacts detail={data} />
          <UnitAccounts accounts={data.accounts} />
        </>
      )}
    </section>
  );
}
