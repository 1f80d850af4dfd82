import { useId, useState } from 'react';
import { customPeriod } from '../../domain/period';
import { DateInput } from '../ui/DateInput';
import { choosePeriod, INDEX_OPTIONS, REPORT_KIND_OPTIONS, reportPeriod, type ChosenPeriod, type ReportKind } from './periods';

interface Props {
  value: ChosenPeriod;
  /** Years offered for reporting periods. */
  years: number[];
  onChange: (period: ChosenPeriod) => void;
}

/** A reporting period (month, quarter, 6 or 9 months, year; Decree 09/2019 cut-off) or any range of dates. */
export function PeriodPicker({ value, years, onChange }: Props) {
  const name = useId();
  const id = useId();
  const initial = value.period;
  const [mode, setMode] = useState<'report' | 'custom'>(initial.kind === 'custom' ? 'custom' : 'report');
  const [year, setYear] = useState(initial.year);
  const [kind, setKind] = useState<ReportKind>(initial.kind === 'custom' ? 'quarter' : initial.kind);
  const [index, setIndex] = useState(initial.kind !== 'custom' ? (initial.index ?? 1) : 1);
  const [from, setFrom] = useState(value.from);
  const [to, setTo] = useState(value.to);
  const rangeError = from && to && from > to ? 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' : null;

  const emitReport = (next: { year?: number; kind?: ReportKind; index?: number }) => {
    const y = next.year ?? year;
    const k = next.kind ?? kind;
    const options = INDEX_OPTIONS[k];
    let i = next.index ?? index;
    if (options && !options.some((o) => o.value === i)) i = 1;
    setYear(y);
    setKind(k);
    setIndex(i);
    onChange(choosePeriod(reportPeriod(y, k, i)));
  };

  const emitCustom = (f: string, t: string) => {
    setFrom(f);
    setTo(t);
    if (f && t && f <= t) onChange(choosePeriod(customPeriod(f, t)));
  };

  const indexOptions = INDEX_OPTIONS[kind];
  return (
    <fieldset className="period-picker">
      <legend>Thời gian thống kê</legend>
      <div className="period-mode">
        <label className="radio">
          <input
            type="radio"
            name={name}
            checked={mode === 'report'}
            onChange={() => {
              setMode('report');
              emitReport({});
            }}
          />
          <span>Kỳ báo cáo</span>
        </label>
        <label className="radio">
          <input
            type="radio"
            name={name}
            checked={mode === 'custom'}
            onChange={() => {
              setMode('custom');
              emitCustom(value.from, value.to);
            }}
          />
          <span>Khoảng ngày tùy chọn</span>
        </label>
      </div>
      {mode === 'report' ? (
        <div className="period-fields">
          <div className="field">
            <label htmlFor={`${id}-year`}>Năm</label>
            <select id={`${id}-year`} value={year} onChange={(e) => emitReport({ year: Number(e.target.value) })}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-kind`}>Loại kỳ</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => emitReport({ kind: e.target.value as ReportKind })}>
              {REPORT_KIND_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          {indexOptions && (
            <div className="field">
              <label htmlFor={`${id}-index`}>Kỳ</label>
              <select id={`${id}-index`} value={index} onChange={(e) => emitReport({ index: Number(e.target.value) })}>
                {indexOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      ) : (
        <div className="period-fields">
          <DateInput label="Từ ngày" value={from} onChange={(f) => emitCustom(f, to)} />
          <DateInput label="Đến ngày" value={to} onChange={(t) => emitCustom(from, t)} />
          {rangeError && (
            <p className="field-error" role="alert">
              {rangeError}
            </p>
          )}
        </div>
      )}
      <p className="period-window" role="status">
        {value.label}
        {mode === 'report' && <span className="hint"> (chốt số liệu theo Nghị định 09/2019/NĐ-CP)</span>}
      </p>
    </fieldset>
  );
}
