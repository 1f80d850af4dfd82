import { useId, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ErrorNotice } from '../ui/ErrorNotice';
import { saveBlob, saveUrl } from './download';
import type { ChartInstance } from './echarts';

/** Where the chart's data comes from as XLSX: an address the server answers, or a file made on demand. */
export type XlsxSource = { href: string } | { make: () => Promise<Blob> };

interface Props {
  title: string;
  description?: ReactNode;
  /** File names without extension: "xu-huong-tinh-thai-nguyen-2026-Q1". */
  fileName: string;
  /** Null while there is nothing to download (loading, no data). */
  xlsx: XlsxSource | null;
  /** The chart's canvas, filled by the chart component: children receive it. */
  children: (chartRef: RefObject<ChartInstance | null>) => ReactNode;
  /** Controls of this chart alone (a template picker). */
  controls?: ReactNode;
  /** Whether a chart is drawn now (the PNG button needs one). */
  hasChart: boolean;
  /** Takes the whole width of the dashboard (a long ranking). */
  wide?: boolean;
}

/** A dashboard chart with its title and the two downloads: the picture (PNG) and the numbers (XLSX). */
export function ChartCard({ title, description, fileName, xlsx, children, controls, hasChart, wide = false }: Props) {
  const headingId = useId();
  const chartRef = useRef<ChartInstance | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const downloadPng = () => {
    const chart = chartRef.current;
    if (!chart) return;
    saveUrl(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }), `${fileName}.png`);
  };

  const makeXlsx = async (make: () => Promise<Blob>) => {
    setBusy(true);
    setError(null);
    try {
      saveBlob(await make(), `${fileName}.xlsx`);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={wide ? 'chart-card chart-card-wide' : 'chart-card'} aria-labelledby={headingId}>
      <header className="chart-card-head">
        <h2 id={headingId}>{title}</h2>
        <div className="chart-card-actions">
          <button type="button" className="button button-small" onClick={downloadPng} disabled={!hasChart}>
            Tải ảnh PNG
          </button>
          {xlsx && 'href' in xlsx ? (
            <a className="button button-small" href={xlsx.href} download={`${fileName}.xlsx`}>
              Tải dữ liệu XLSX
            </a>
          ) : (
            <button type="button" className="button button-small" disabled={!xlsx || busy} onClick={() => xlsx && 'make' in xlsx && void makeXlsx(xlsx.make)}>
              Tải dữ liệu XLSX
            </button>
          )}
        </div>
      </header>
      {description && <p className="hint">{description}</p>}
      {controls}
      <ErrorNotice error={error} />
      {children(chartRef)}
    </section>
  );
}
