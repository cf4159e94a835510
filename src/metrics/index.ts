export { createAppMetrics, type AppMetrics } from './appMetrics';
export { registerMetricsRoute } from './metricsRoute';
export type { TurnObserved, DeliveryObserved } from './botMetrics';
