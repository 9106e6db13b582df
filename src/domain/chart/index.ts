/** A group's structure chart: layered layout, data for the page, GEXF for analysts. */
export * from './types';
export { groupChart } from './group-chart';
export type { ChartParty, GroupChartInput } from './group-chart';
export { layeredLayout, ChartLayoutError } from './layered-layout';
export type { Arc, Layout, LayoutInput, Placement } from './layered-layout';
export { chartGexf, chartGraph } from './chart-gexf';
export type { ChartGraph } from './chart-gexf';
