import { open as openFile } from 'node:fs/promises';
import yauzl from 'yauzl';
import { UnreadableFileError } from './unreadable-file-error';
import { nextZipEntry } from './zip-entries';

/**
 * Bounds of an XLSX (a ZIP of XML parts) before any of it is expanded. A "zip bomb" is a small
 * file that expands to gigabytes; the reader would die with a JavaScript error, or take the server
 * down. Every entry is inflated once, without keeping it, so a ZIP that lies about its sizes is
 * caught too (yauzl checks each entry's real size against the one declared).
 */
export interface XlsxLimits {
  entries: number;
  totalBytes: number;
  /** Parts the reader keeps in memory (shared strings, styles, workbook). */
  cachedPartBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  entries: 2_000,
  totalBytes: 1024 * 1024 * 1024,
  cachedPartBytes: 256 * 1024 * 1024,
};

const CACHED_PARTS = /^xl\/(sharedStrings|styles|workbook)\.xml$/i;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('vi-VN')} MB`;

function bombError(detail: string): UnreadableFileError {
  return new UnreadableFileError(`tệp XLSX ${detail}: vượt giới hạn an toàn nên không được mở (có thể là tệp "bom nén"). Nếu đây là dữ liệu thật, hãy chia thành nhiều tệp nhỏ hơn hoặc lưu thành CSV UTF-8.`);
}

async function startsWithOle2(path: string): Promise<boolean> {
  const handle = await openFile(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return bytesRead === 8 && buffer.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  } finally {
    await handle.close();
  }
}

/** Refuses an XLSX that is not a ZIP, has too many parts, or expands beyond the limits. */
export async function assertSafeXlsx(path: string, limits: XlsxLimits = XLSX_LIMITS): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new UnreadableFileError('không tìm thấy tệp.');
    if (await startsWithOle2(path).catch(() => false)) {
      throw new UnreadableFileError('tệp là bảng tính Excel 97–2003 (.xls) hoặc tệp Excel có đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu nếu có, và lưu thành .xlsx hoặc CSV UTF-8.');
    }
    throw new UnreadableFileError('không phải tệp XLSX hợp lệ (không đọc được cấu trúc nén ZIP): hãy mở bằng Excel và lưu lại thành .xlsx.');
  }
  try {
    if (zip.entryCount > limits.entries) throw bombError(`có ${zip.entryCount.toLocaleString('vi-VN')} phần (tối đa ${limits.entries.toLocaleString('vi-VN')})`);
    // First the directory: declared sizes are refused before a single byte is inflated.
    const files: yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of entries(zip)) {
      if (entry.fileName.endsWith('/')) continue;
      const partLimit = CACHED_PARTS.test(entry.fileName) ? limits.cachedPartBytes : limits.totalBytes;
      if (entry.uncompressedSize > partLimit) throw bombError(`có phần "${entry.fileName}" giải nén ra ${mb(entry.uncompressedSize)} (tối đa ${mb(partLimit)})`);
      declared += entry.uncompressedSize;
      if (declared > limits.totalBytes) throw bombError(`giải nén ra hơn ${mb(limits.totalBytes)}`);
      files.push(entry);
    }
    // Then every part, counted as it inflates: a part that lies about its size is caught.
    let total = 0;
    for (const entry of files) {
      const partLimit = CACHED_PARTS.test(entry.fileName) ? limits.cachedPartBytes : limits.totalBytes;
      let entryBytes = 0;
      try {
        const stream = await zip.openReadStreamPromise(entry);
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          entryBytes += chunk.length;
          if (entryBytes > partLimit || total + entryBytes > limits.totalBytes) {
            stream.destroy();
            throw bombError(`giải nén ra nhiều hơn kích thước khai báo, hơn ${mb(Math.min(partLimit, limits.totalBytes))}`);
          }
        }
      } catch (error) {
        if (error instanceof UnreadableFileError) throw error;
        throw new UnreadableFileError(`tệp XLSX bị hỏng: không giải nén được phần "${entry.fileName}". Hãy mở bằng Excel và lưu lại thành .xlsx.`);
      }
      total += entryBytes;
    }
  } finally {
    zip.close();
  }
}

async function* entries(zip: yauzl.ZipFile): AsyncGenerator<yauzl.Entry> {
  while (true) {
    const next = await nextZipEntry(zip).catch(() => {
      throw new UnreadableFileError('tệp XLSX bị hỏng: mục lục của tệp nén không đọc được. Hãy mở bằng Excel và lưu lại thành .xlsx.');
    });
    if (!next) return;
    yield next;
  }
}
