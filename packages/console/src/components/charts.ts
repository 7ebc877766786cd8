import { use } from 'echarts/core';

/**
 * The chart types a page draws, registered with ECharts (from `echarts/core`, never the whole
 * `echarts`): a page imports the ones it needs from `echarts/charts` and passes them here, so
 * the chart code is loaded with the pages that use it and nowhere else (ChartCard registers the
 * grid, legend, tooltip and canvas renderer every chart needs).
 */
export function useCharts(...charts: Parameters<typeof use>[0][]): void {
  use(charts.flat());
}
