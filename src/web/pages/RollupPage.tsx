import { useMemo } from 'react';

import { getRollup, listObligations, type RollupBasis } from '../api/review';
import { useCurrentUser } from '../auth/SessionContext';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useSearchParamPatch } from '../hooks/useSearchParamPatch';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { toTemplate } from '../reports/template';
import { useTemplateDetails } from '../reports/useTemplates';
import { chooseKind, defaultTemplateId } from '../review/defaults';
import { PeriodKindSelect } from '../review/PeriodKindSelect';
import { orderedKinds, periodOptions, recentPeriods } from '../review/periods';
import { PeriodSelect } from '../review/PeriodSelect';
import { TemplateSelect } from '../review/TemplateSelect';
import { unitIdFrom } from '../review/useChosenUnit';
import { BasisChoice } from '../rollup/BasisChoice';
import { RollupView } from '../rollup/RollupView';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { NoAccess } from '../ui/NoAccess';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

const TITLE = 'Tổng hợp';
const FIRST_YEAR = 2020;

export function RollupPage() {
  useDocumentTitle(TITLE);
  const user = useCurrentUser();
  if (user.role === 'officer') return <NoAccess title={TITLE} message="Trang này dành cho cán bộ thẩm định và quản trị: tổng hợp số liệu báo cáo của các đơn vị trực thuộc." />;
  return <RollupContent />;
}

function RollupContent() {
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const [params, set] = useSearchParamPatch();
  const unitId = unitIdFrom(params.get('donVi'), user.unit);
  const templates = useTemplateDetails();
  const obligations = useApiQuery((signal) => listObligations(signal), []);
  const ready = templates.data !== undefined && (obligations.data !== undefined || obligations.error !== null);
  const obligationList = useMemo(() => obligations.data ?? [], [obligations.data]);

  const asked = params.get('bieuMau');
  const templateId = templates.data?.some((t) => t.id === asked) ? asked : ready ? defaultTemplateId(templates.data ?? [], obligationList, unitId) : null;
  const templateJson = templates.data?.find((t) => t.id === templateId);
  const template = useMemo(() => (templateJson ? toTemplate(templateJson) : null), [templateJson]);
  const kind = templateJson ? chooseKind(templateJson, params.get('loaiKy'), obligationList.find((o) => o.templateId === templateJson.id)) : null;
  const thisYear = Number(today.slice(0, 4));
  const options = useMemo(() => (kind ? periodOptions(kind, FIRST_YEAR, thisYear + 1) : []), [kind, thisYear]);
  // The last period whose data are complete: the one before the period being worked on now.
  const fallback = kind && templateJson ? (recentPeriods(kind, today, 2, templateJson.cutoff)[0] ?? '') : '';
  const askedPeriod = params.get('ky');
  const periodId = askedPeriod && options.some((o) => o.id === askedPeriod) ? askedPeriod : fallback;
  const basis: RollupBasis = params.get('coSo') === 'submitted' ? 'submitted' : 'approved';

  const query = templateJson && periodId ? { unitId, templateId: templateJson.id, periodId, basis } : null;
  const rollup = useApiQuery(query ? (signal) => getRollup(query, signal) : null, [unitId, query?.templateId, periodId, basis]);


  return (
    <section className="page rollup-page">
      <h1>{TITLE}</h1>
      <p className="lead">
        Số liệu của đơn vị tổng hợp từ báo cáo của các đơn vị trực thuộc: số đếm được cộng, tỷ lệ được tính lại từ tử số và mẫu số đã cộng (không lấy trung bình), câu trả
        lời theo phương án được đếm số đơn vị. Bấm vào một số liệu để xem từng đơn vị.
      </p>
      <div className="review-controls">
        <SubtreeUnitSelect home={user.unit} unitId={unitId === user.unit.id ? null : unitId} asOf={today} onChange={(u) => set({ donVi: u.id === user.unit.id ? null : String(u.id) })} />
        {templates.data && templateJson && <TemplateSelect templates={templates.data} value={templateJson.id} onChange={(id) => set({ bieuMau: id, loaiKy: null, ky: null })} />}
        {templateJson && kind && (
          <>
            <PeriodKindSelect kinds={orderedKinds(templateJson.periods)} value={kind} onChange={(k) => set({ loaiKy: k, ky: null })} />
            <PeriodSelect label="Kỳ báo cáo" options={options} value={periodId} onChange={(id) => set({ ky: id })} />
          </>
        )}
        <BasisChoice value={basis} onChange={(b) => set({ coSo: b === 'approved' ? null : b })} />
      </div>
      <ErrorNotice error={templates.error ?? obligations.error ?? rollup.error} />
      {(templates.loading || rollup.loading) && <LoadingNotice text={rollup.data ? 'Đang tổng hợp lại…' : 'Đang tổng hợp…'} />}
      {rollup.data && template && query && rollup.data.templateId === template.id && <RollupView key={`${rollup.data.unit.id}|${rollup.data.templateId}|${rollup.data.periodId}|${rollup.data.basis}`} template={template} rollup={rollup.data} query={query} />}
    </section>
  );
}
