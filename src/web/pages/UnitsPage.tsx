import { useMemo } from 'react';
import { listUnits } from '../api/units';
import { useCurrentUser } from '../auth/SessionContext';
import { formatDate, todayIso } from '../format/date';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { asOfFor } from '../units/era';
import { EraSelector } from '../units/EraSelector';
import { MyUnitLink } from '../units/MyUnitLink';
import { ProvinceSelect } from '../units/ProvinceSelect';
import { UnitBrowser } from '../units/UnitBrowser';
import { UnitDetailsPanel } from '../units/UnitDetailsPanel';
import { useUnitsLocation } from '../units/useUnitsLocation';

export function UnitsPage() {
  useDocumentTitle('Đơn vị hành chính');
  const user = useCurrentUser();
  const today = useMemo(() => todayIso(), []);
  const location = useUnitsLocation(user.province?.code ?? null);
  const asOf = asOfFor(location.era, today);
  // Province codes repeat across eras: the tree starts at the province with the user's code in force on asOf.
  const query = useApiQuery(async (signal) => ({ asOf, units: await listUnits({ asOf }, signal) }), [asOf]);
  const provinces = query.data?.asOf === asOf ? query.data.units : undefined; // never the previous era's list
  const root = provinces?.find((p) => p.code === location.provinceCode) ?? null;

  return (
    <section className="page units-page">
      <div className="page-head">
        <h1>Đơn vị hành chính</h1>
        <MyUnitLink />
      </div>
      <p className="lead">
        Danh mục đơn vị hành chính là dữ liệu công khai. Thông tin chi tiết và tài khoản chỉ xem được trong phạm vi đơn vị của bạn.
      </p>
      <div className="toolbar">
        <EraSelector era={location.era} defaultDate={today} onChange={location.setEra} />
        {provinces && provinces.length > 0 && (
          <ProvinceSelect provinces={provinces} value={location.provinceCode ?? ''} onChange={location.setProvinceCode} />
        )}
      </div>
      <ErrorNotice error={query.error} />
      {provinces?.length === 0 && <Notice kind="info">Không có đơn vị nào có hiệu lực vào ngày {formatDate(asOf)}.</Notice>}
      <div className={`units-layout${location.selectedId !== null ? ' has-details' : ''}`}>
        {!query.error && (
          <UnitBrowser
            ready={provinces !== undefined}
            root={root}
            asOf={asOf}
            selectedId={location.selectedId}
            myUnitId={user.unit.id}
            onSelect={location.select}
          />
        )}
        {location.selectedId !== null ? (
          <UnitDetailsPanel
            unitId={location.selectedId}
            asOf={asOf}
            onSelect={location.select}
            onClose={() => location.select(null)}
          />
        ) : (
          <aside className="panel details-placeholder">
            {location.invalidUnitId ? (
              <Notice kind="error">Địa chỉ đơn vị không hợp lệ.</Notice>
            ) : (
              <p className="hint">Chọn một đơn vị trong cây hoặc trong kết quả tìm kiếm để xem thông tin chi tiết.</p>
            )}
          </aside>
        )}
      </div>
    </section>
  );
}
