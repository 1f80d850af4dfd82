import { useEffect } from 'react';

export const PRODUCT_NAME = 'CCHC — Báo cáo cải cách hành chính';

export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} · CCHC` : PRODUCT_NAME;
  }, [page]);
}
