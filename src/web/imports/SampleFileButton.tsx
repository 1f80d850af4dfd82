import { useState } from 'react';
import { sampleDossierCsv } from '../../domain/dossiers/import-guide';
import { listProcedures } from '../api/dossiers';
import type { Unit } from '../api/types';
import { saveBlob } from '../dashboard/download';
import { ErrorNotice } from '../ui/ErrorNotice';

/** "Tải tệp mẫu": three dossiers in our column names, for the user's unit and a procedure of the catalogue. */
export function SampleFileButton({ unit, today }: { unit: Unit; today: string }) {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    setError(null);
    try {
      const procedure = (await listProcedures())[0];
      if (!procedure) throw new Error('Chưa có danh mục thủ tục: hãy nhập danh mục thủ tục trước (cchc procedures import).');
      // Last month: every sample date is past, and the importer refuses a dossier received after today.
      const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
      const last = month === 1 ? { year: year - 1, month: 12 } : { year, month: month - 1 };
      const csv = sampleDossierCsv({ unitCode: unit.code, procedureCode: procedure.code, procedureName: procedure.name, ...last });
      // A byte-order mark, so Excel opens the Vietnamese letters right.
      saveBlob(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }), 'mau-nhap-ho-so.csv');
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="sample-file">
      <button type="button" className="button" onClick={() => void onClick()} disabled={busy}>
        Tải tệp mẫu (CSV)
      </button>
      <p className="hint">
        Ba hồ sơ mẫu của {unit.name} đúng các cột dưới đây; nhập được ngay để thử, hoặc mở bằng Excel và thay bằng hồ sơ thật.
        {unit.level !== 'commune' && ' Hồ sơ thuộc về xã: hãy thay mã đơn vị bằng mã xã.'}
      </p>
      <ErrorNotice error={error} />
    </div>
  );
}
