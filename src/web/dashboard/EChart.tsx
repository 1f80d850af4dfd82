import { useEffect, useRef, type RefObject } from 'react';
import { initChart, type ChartInstance, type ChartOption } from './echarts';

interface Props {
  option: ChartOption;
  /** CSS height of the drawing (the width follows the card). */
  height: number;
  /** Filled with the chart while it is shown (for "Tải ảnh PNG"). */
  chartRef?: RefObject<ChartInstance | null>;
}

/** One ECharts canvas: created with the element, redrawn when the option changes, resized with the card. */
export function EChart({ option, height, chartRef }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartInstance | null>(null);

  useEffect(() => {
    const instance = initChart(element.current!);
    chart.current = instance;
    if (chartRef) chartRef.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current!);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      if (chartRef) chartRef.current = null;
    };
  }, [chartRef]);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  useEffect(() => {
    chart.current?.resize();
  }, [height]);

  return <div ref={element} className="echart" style={{ height }} />;
}
