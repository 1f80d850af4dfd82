import { useId, useState } from 'react';
import type { Unit } from '../api/types';
import { getCompleteness, tableXlsx, type Trend } from '../api/dashboard';
import { listTemplates } from '../api/reports';
import { listObligations } from '../api/review';
import { useCurrentUser } from '../auth/SessionContext';
import { defaultTemplateId } from '../review/defaults';
import { useApiQuery } from '../hooks/useApiQuery';
import { ErrorNotice } from '../ui/ErrorNotice';
import { LoadingNotice } from '../ui/LoadingNotice';
import { Notice } from '../ui/Notice';
import { ChartCard } from './ChartCard';
import { CompletenessChart } from './CompletenessChart';
import { completenessTable } from './completeness';
import { fileSlug } from './download';
import { hasUnitsBelow } from './scope';

const KIND_WORDS: Record<string, string> = { month: 'tháng', quarter: 'quý', half: '6 tháng', nine_months: '9 tháng', year: 'năm' };

/** Report completeness of the units below, for a template, over the trend's periods. */
export function CompletenessCard({ unit, trend }: { unit: Unit; trend: Trend | undefined }) {
  const id = useId();
  const user = useCurrentUser();
  const templates = useApiQuery((signal) => listTemplates(user.unit.id, signal), [user.unit.id]);
  const obligations = useApiQuery((signal) => listObligations(signal), []);
  const [chosen, setChosen] = useState<string | null>(null);
  // Until the obligations answer, no template is chosen (the first one would flash by).
  const fallback = templates.data && (obligations.data || obligations.error) ? defaultTemplateId(templates.data, obligations.data ?? [], unit.id) : null;
  const template = templates.data?.find((t) => t.id === chosen) ?? templates.data?.find((t) => t.id === fallback);
  const fits = template && trend ? template.periods.includes(trend.kind) : false;
  const periodIds = trend?.points.map((p) => p.id) ?? [];
  const answer = useApiQuery(
    template && fits && periodIds.length > 0 ? (signal) => getCompleteness({ unitId: unit.id, templateId: template.id, periodIds }, signal) : null,
    [unit.id, template?.id, fits, periodIds.join(',')],
  );
  const data = answer.data ?? null;
  const fileName = `nop-bao-cao-${fileSlug(unit.name)}-${template?.id ?? ''}`;

  const picker = (
    <div className="field chart-card-field">
      <label htmlFor={`${id}-template`}>Biểu mẫu</label>
      <select id={`${id}-template`} value={template?.id ?? ''} onChange={(e) => setChosen(e.target.value)} disabled={!templates.data}>
        {templates.data?.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title} ({t.issuer})
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <ChartCard
      title="Tình hình nộp báo cáo"
      description={
        hasUnitsBelow(unit)
          ? 'Số báo cáo các đơn vị trực thuộc phải nộp theo biểu mẫu, chia theo nộp đúng hạn, nộp muộn và chưa nộp, trong các kỳ của biểu đồ xu hướng.'
          : `Các báo cáo ${unit.name} phải nộp theo biểu mẫu: nộp đúng hạn, nộp muộn hay chưa nộp, trong các kỳ của biểu đồ xu hướng.`
      }
      fileName={fileName}
      controls={picker}
      hasChart={data !== null}
      xlsx={data ? { make: () => tableXlsx(completenessTable(data, unit, fileName)) } : null}
    >
      {(chartRef) => (
        <>
          <ErrorNotice error={templates.error ?? answer.error} />
          {template && trend && !fits && (
            <Notice kind="info">
              Biểu mẫu này không lập theo kỳ {KIND_WORDS[trend.kind] ?? trend.kind}; hãy chọn loại kỳ {template.periods.map((k) => KIND_WORDS[k] ?? k).join(', ')}.
            </Notice>
          )}
          {answer.loading && <LoadingNotice />}
          {fits && !answer.loading && !answer.error && data === null && <Notice kind="info">Chưa có dữ liệu về tình hình nộp báo cáo.</Notice>}
          {data && <CompletenessChart answer={data} unit={unit} chartRef={chartRef} />}
        </>
      )}
    </ChartCard>
  );
}
