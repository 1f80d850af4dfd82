import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/**
 * The page's query parameters and a way to change some of them. The change starts from the
 * address as it is now, not as it was at the last render: the router applies a navigation as a
 * transition, so two quick changes (a template, then a period) would otherwise undo the first.
 */
export function useSearchParamPatch(): [URLSearchParams, (patch: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();
  const patch = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [params, patch];
}
