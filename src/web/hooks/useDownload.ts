import { useCallback, useState, type MouseEvent } from 'react';
import { downloadFile } from '../api/download';

export interface Download {
  /** The link being fetched, or null. */
  busy: string | null;
  error: Error | null;
  /** onClick of a download link: fetches it and saves the file, or keeps the server's message in `error`. */
  onClick(event: MouseEvent<HTMLAnchorElement>): void;
}

/** Download links that say why a file could not be made, on the page, instead of saving an error as the file. */
export function useDownload(): Download {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const onClick = useCallback((event: MouseEvent<HTMLAnchorElement>) => {
    // A modified click (new tab, save as) is left to the browser.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    event.preventDefault();
    const link = event.currentTarget;
    const href = link.getAttribute('href') ?? '';
    const name = link.getAttribute('download') || href.split('/').pop() || 'tep';
    setBusy(href);
    setError(null);
    downloadFile(href, name)
      .catch((failure: unknown) => setError(failure instanceof Error ? failure : new Error(String(failure))))
      .finally(() => setBusy(null));
  }, []);
  return { busy, error, onClick };
}
