// ECharts ships its Vietnamese words (axis, legend, aria descriptions) as an untyped ES module.
declare module 'echarts/lib/i18n/langVI.js' {
  const lang: Parameters<typeof import('echarts/core').registerLocale>[1];
  export default lang;
}
