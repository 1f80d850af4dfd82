import { useCallback, useMemo } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { eraFromSearch, writeEra, type Era } from './era';

/**
 * The units page keeps its state in the address, so a link can be shared and "Back" works:
 * /don-vi/<unit id>?ky=truoc-sap-xep&tinh=19
 */
export function useUnitsLocation(defaultProvinceCode: string | null) {
  const { unitId } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();

  const era = useMemo(() => eraFromSearch(params), [params]);
  const provinceCode = params.get('tinh') ?? defaultProvinceCode;
  const parsedId = unitId === undefined ? null : Number(unitId);
  const selectedId = parsedId !== null && Number.isInteger(parsedId) && parsedId > 0 ? parsedId : null;

  const go = useCallback(
    (id: number | null, next: URLSearchParams) => {
      const search = next.toString();
      navigate(`/don-vi${id === null ? '' : `/${id}`}${search ? `?${search}` : ''}`);
    },
    [navigate],
  );

  return {
    era,
    provinceCode,
    selectedId,
    invalidUnitId: unitId !== undefined && selectedId === null,
    select: (id: number | null) => go(id, params),
    setEra: (next: Era) => go(selectedId, writeEra(params, next)),
    setProvinceCode: (code: string) => {
      const next = new URLSearchParams(params);
      if (code === defaultProvinceCode) next.delete('tinh');
      else next.set('tinh', code);
      go(selectedId, next);
    },
  };
}
