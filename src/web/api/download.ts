import { errorFromBody, networkError, reportUnauthorized } from './client';

/** The file name of an attachment answer (`filename*=UTF-8''…` first, then `filename="…"`). */
export function attachmentName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1]!.trim());
    } catch {
      // A malformed name falls through to the plain one.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return (plain?.[1] ?? plain?.[2] ?? '').trim() || fallback;
}

/**
 * Fetches a file the server makes (a PDF, a workbook) and saves it; a refusal or a failure throws
 * the server's own message (e.g. "Chưa cài LibreOffice…") instead of saving the error as a file.
 */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!response.ok) {
    if (response.status === 401) reportUnauthorized();
    throw errorFromBody(response.status, await response.text().catch(() => ''));
  }
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = attachmentName(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
