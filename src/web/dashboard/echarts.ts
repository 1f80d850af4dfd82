import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TitleComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import langVI from 'echarts/lib/i18n/langVI.js';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboard draws, on a canvas (so getDataURL gives a PNG), with ECharts' Vietnamese words.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, AriaComponent, CanvasRenderer]);
echarts.registerLocale('VI', langVI);

export type ChartOption = echarts.ComposeOption<
  LineSeriesOption | BarSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption | AriaComponentOption
>;
export type ChartInstance = echarts.EChartsType;

export const FONT = "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";

/** The app's palette: on time green, late red, online blue… */
export const COLORS = {
  blue: '#1d5296',
  green: '#2e8b57',
  orange: '#d9822b',
  purple: '#7b4fa0',
  red: '#b3261e',
  grey: '#9aa3ae',
  navy: '#12355b',
};

export function initChart(element: HTMLElement): ChartInstance {
  return echarts.init(element, undefined, { renderer: 'canvas', locale: 'VI' });
}

/** A title drawn into the chart itself, so a downloaded PNG says what it shows. */
export function chartTitle(text: string, subtext: string): TitleComponentOption {
  return {
    text,
    subtext,
    left: 'center',
    textStyle: { fontFamily: FONT, fontSize: 15, color: COLORS.navy },
    subtextStyle: { fontFamily: FONT, fontSize: 12, color: '#5a6473' },
  };
}

/**
 * ECharts puts a tooltip formatter's string into the page as HTML: every name or label in it
 * (unit names come from imported lists) goes through this, so it shows as text and never runs.
 */
export function escapeHtml(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
