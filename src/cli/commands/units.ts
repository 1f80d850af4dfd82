import type { Command } from 'commander';
import { ImportRejectedError } from '../../domain/import/import-issue';
import { parseDate } from '../../domain/text/iso-date';
import { readTextFile } from '../../import/json-text';
import { importUnits, MAX_UNIT_FILE_BYTES } from '../../services/units/import-units';
import { CliError } from '../cli-error';
import { printResult } from '../output';
import { withStore } from '../with-store';

function dateOption(value: string | undefined, name: string): string | null | undefined {
  if (value === undefined) return undefined;
  if (value === '' || value === 'none') return null;
  const date = parseDate(value);
  if (!date) throw new CliError(`${name}: ngày "${value}" không hợp lệ (viết dd/mm/yyyy hoặc yyyy-mm-dd).`);
  return date;
}

export function registerUnitsCommands(program: Command): void {
  const units = program.command('units').description('đơn vị hành chính');
  units
    .command('import')
    .description('nạp danh sách đơn vị từ tệp CSV (Mã,Tên,Cấp,Mã cấp trên,Hiệu lực từ,Hiệu lực đến) hoặc danh mục JSON chính thức')
    .argument('<tệp>', 'đường dẫn tệp .csv hoặc .json')
    .option('--valid-from <ngày>', 'với tệp JSON: ngày bắt đầu hiệu lực (mặc định theo loại danh mục)')
    .option('--valid-to <ngày>', 'với tệp JSON: ngày hết hiệu lực (mặc định theo loại danh mục)')
    .option('--json', 'in kết quả dạng JSON')
    .action(async (file: string, options: { validFrom?: string; validTo?: string; json?: boolean }) => {
      let text: string;
      try {
        text = readTextFile(file, file, MAX_UNIT_FILE_BYTES);
      } catch (error) {
        if (error instanceof ImportRejectedError) throw new CliError(error.message, 2);
        throw error;
      }
      const validFrom = dateOption(options.validFrom, '--valid-from');
      const validTo = dateOption(options.validTo, '--valid-to');
      await withStore(async (store) => {
        try {
          const result = await importUnits(store, {
            file,
            text,
            validity: {
              ...(validFrom !== undefined ? { validFrom } : {}),
              ...(validTo !== undefined ? { validTo } : {}),
            },
          });
          printResult(Boolean(options.json), result, () =>
            `Đã nạp ${result.rows.toLocaleString('vi-VN')} đơn vị từ ${file}: thêm mới ${result.inserted.toLocaleString('vi-VN')}, ` +
            `cập nhật ${result.updated.toLocaleString('vi-VN')}, không đổi ${result.unchanged.toLocaleString('vi-VN')}.`,
          );
        } catch (error) {
          if (error instanceof ImportRejectedError) throw new CliError(error.message, 2);
          throw error;
        }
      });
    });
}
