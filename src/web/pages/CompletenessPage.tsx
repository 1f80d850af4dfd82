import { useMemo } from 'react';

import { getCompleteness, listObligations, type ObligationPeriodKind } from '../api/review';
import { useCurrentUser } from '../auth/SessionContext';
import { todayInVietnam } from '../format/dateTime';
import { useApiQuery } from '../hooks/useApiQuery';
import { useSearchParamPatch } from '../hooks/useSearchParamPatch';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useTemplateDetails } from '../reports/useTemplates';
import { CompletenessView } from '../review/CompletenessView';
import { chooseKind, defaultTemplateId, obligationOf } from '../review/defaults';
import { ObligationForm } from '../review/ObligationForm';
import { PeriodKindSelect } from '../review/PeriodKindSelect';
import { orderedKinds, periodOptions, periodRange, recentPeriods } from '../review/periods';
import { PeriodSelect } from '../review/PeriodSelect';
import { TemplateSelect } from '../review/TemplateSelect';
import { unitIdFrom, useChosenUnit } from '../review/useChosenUnit';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { NoAccess } from '../ui/NoAccess';
import { Notice } from '../ui/Notice';
import { SubtreeUnitSelect } from '../units/SubtreeUnitSelect';

const TITLE = 'Tình hình nộp báo cáo';
/** The server takes at most 36 periods at once. */
const MAX_PERIODS = 36;
const FIRST_YEAR = 2020;

export function CompletenessPage() {
  useDocumentTitle(TITLE);
  const user = useCurrentUser();
  if (user.role === 'officer') return <NoAccess title={TITLE} message="Trang này dành cho cán bộ thẩm định và quản trị: theo dõi các đơn vị trực thuộc gửi báo cáo." />;
  return <CompletenessContent />;
}

function CompletenessContent() {
  const user = useCurrentUser();
  const today = useMemo(() => todayInVietnam(), []);
  const [params, set] = useSearchParamPatch();
  const unitId = unitIdFrom(params.get('donVi'), user.unit);
  const unit = useChosenUnit(user.unit, unitId);
  const templates = useTemplateDetails();
  const obligations = useApiQuery((signal) => listObligations(signal), []);
  const ready = templates.data !== undefined && (obligations.data !== undefined || obligations.error !== null);
  const obligationList = useMemo(() => obligations.data ?? [], [obligations.data]);

  const asked = params.get('bieuMau');
  const templateId = templates.data?.some((t) => t.id === asked) ? asked : ready ? defaultTemplateId(templates.data ?? [], obligationList, unitId) : null;
  const template = templates.data?.find((t) => t.id === templateId);
  const kind = template ? chooseKind(template, params.get('loaiKy'), obligationOf(obligationList, unitId, template.id, null) ?? obligationList.find((o) => o.templateId === template.id)) : null;

  const thisYear = Number(today.slice(0, 4));
  const options = useMemo(() => (kind ? periodOptions(kind, FIRST_YEAR, thisYear + 1) : []), [kind, thisYear]);
  const fallback = useMemo(() => (kind && template ? recentPeriods(kind, today, 4, template.cutoff) : []), [kind, template, today]);
  const valid = (id: string | null) => (id && options.some((o) => o.id === id) ? id : null);
  const from = valid(params.get('tu')) ?? fallback[0] ?? '';
  const to = valid(params.get('den')) ?? fallback.at(-1) ?? '';
  const range = kind ? periodRange(kind, from, to) : [];
  const periodIds = range.slice(-MAX_PERIODS);

  const query = template ? { unitId, templateId: template.id, periodIds } : null;
  const matrix = useApiQuery(query && periodIds.length > 0 ? (signal) => getCompleteness(query, signal) : null, [unitId, template?.id, periodIds.join(',')]);


  const own = template ? obligationList.find((o) => o.unit.id === unitId && o.templateId === template.id) : undefined;
  const inherited = template && matrix.data ? obligationOf(obligationList, unitId, template.id, matrix.data.obligation.setBy?.id ?? null) : undefined;

  return (
    <section className="page completeness-page">
      <h1>{TITLE}</h1>
      <p className="lead">
        Các đơn vị trực thuộc đã gửi báo cáo theo biểu mẫu chưa, đúng hạn hay trễ hạn; duyệt các báo cáo đang chờ, tải danh sách đơn vị cần đôn đốc và giao nghĩa vụ
        báo cáo (kỳ, hạn gửi).
      </p>
      <div className="review-controls">
        <SubtreeUnitSelect home={user.unit} unitId={unitId === user.unit.id ? null : unitId} asOf={today} onChange={(u) => set({ donVi: u.id === user.unit.id ? null : String(u.id) })} />
        {templates.data && template && <TemplateSelect templates={templates.data} value={template.id} onChange={(id) => set({ bieuMau: id, loaiKy: null, tu: null, den: null })} />}
        {template && kind && (
          <>
            <PeriodKindSelect kinds={orderedKinds(template.periods)} value={kind} onChange={(k: ObligationPeriodKind) => set({ loaiKy: k, tu: null, den: null })} />
            <PeriodSelect label="Từ kỳ" options={options} value={from} onChange={(id) => set({ tu: id, den: to })} />
            <PeriodSelect label="Đến kỳ" options={options} value={to} onChange={(id) => set({ tu: from, den: id })} />
          </>
        )}
      </div>
      <ErrorNotice error={templates.error ?? matrix.error} />
      {range.length > MAX_PERIODS && <Notice kind="info">Chỉ xem được tối đa {MAX_PERIODS} kỳ một lần: đang hiện {MAX_PERIODS} kỳ gần nhất của khoảng đã chọn.</Notice>}
      {(templates.loading || matrix.loading) && <LoadingNotice text={matrix.data ? 'Đang tải lại…' : 'Đang tải…'} />}
      {matrix.data && query && <CompletenessView key={`view|${query.unitId}|${query.templateId}`} matrix={matrix.data} query={query} reload={matrix.reload} />}
      {template && unit && obligations.data && matrix.data && (
        <ObligationForm
          key={`obligation|${unitId}|${template.id}`}
          unit={unit}
          template={template}
          own={own}
          inherited={inherited}
          onSaved={() => {
            obligations.reload();
            matrix.reload();
          }}
        />
      )}
      <ErrorNotice error={obligations.error} />
    </section>
  );
}
