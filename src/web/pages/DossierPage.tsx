import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { DossierEventKind } from '../../domain/dossiers/events';
import { getDossier } from '../api/dossiers';
import { DossierFacts } from '../dossiers/DossierFacts';
import { DossierTimeline } from '../dossiers/DossierTimeline';
import { StepForm } from '../dossiers/StepForm';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';

export function DossierPage() {
  const { dossierId } = useParams();
  const id = Number(dossierId);
  const valid = Number.isInteger(id) && id > 0;
  const today = useMemo(() => todayInVietnam(), []);
  const detail = useApiQuery(valid ? (signal) => getDossier(id, signal) : null, [id, valid]);
  const [active, setActive] = useState<DossierEventKind | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const data = detail.data?.dossier.id === id ? detail.data : undefined;
  useDocumentTitle(data ? `Hồ sơ ${data.dossier.code}` : 'Hồ sơ');

  const step = data?.nextSteps.find((s) => s.kind === active) ?? null;
  return (
    <section className="page dossier-page">
      <p className="back-link">
        <Link to="/ho-so">‹ Danh sách hồ sơ</Link>
      </p>
      <h1>Hồ sơ {data ? data.dossier.code : ''}</h1>
      {!valid && <Notice kind="error">Địa chỉ hồ sơ không hợp lệ.</Notice>}
      <ErrorNotice error={detail.error} />
      {valid && !data && !detail.error && <LoadingNotice />}
      {data && (
        <div className="dossier-layout">
          <section className="panel" aria-labelledby="facts-title">
            <h2 id="facts-title">Thông tin hồ sơ</h2>
            <DossierFacts detail={data} today={today} />
          </section>
          <section className="panel" aria-labelledby="timeline-title">
            <h2 id="timeline-title">Quá trình xử lý</h2>
            {message && <Notice kind="success">{message}</Notice>}
            <DossierTimeline events={data.events} />
            {data.dossier.source !== 'desk' && (
              <Notice kind="info">
                Hồ sơ này được nhập từ phần mềm một cửa (nguồn “{data.dossier.source}”): để cập nhật, hãy nhập lại tệp xuất mới tại trang{' '}
                <Link to="/nhap-ho-so">Nhập hồ sơ</Link>.
              </Notice>
            )}
            {data.nextSteps.length > 0 && (
              <div className="next-steps">
                <h3>Bước tiếp theo</h3>
                <div className="step-buttons">
                  {data.nextSteps.map((s) => (
                    <button
                      key={s.kind}
                      type="button"
                      className={`button${active === s.kind ? ' button-primary' : ''}`}
                      aria-pressed={active === s.kind}
                      onClick={() => {
                        setMessage(null);
                        setActive(active === s.kind ? null : s.kind);
                      }}
                    >
                      {s.label}
                    </button>
                  ))}
                </div>
                {step && (
                  <StepForm
                    key={step.kind}
                    dossierId={id}
                    step={step}
                    onCancel={() => setActive(null)}
                    onDone={() => {
                      setMessage(`Đã ghi nhận: ${step.label}.`);
                      setActive(null);
                      detail.reload();
                    }}
                  />
                )}
              </div>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
