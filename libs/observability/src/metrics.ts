import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process. Libraries and services register their own metrics here;
 * `/metrics` exposes it.
 */
export const metricsRegistry = new Registry();
let defaultsCollected = false;

/**
 * prom-client's defaults include three gauges named like counters (`nodejs_active_handles_total`,
 * `nodejs_active_requests_total`, `nodejs_active_resources_total`), which `promtool check metrics`
 * refuses: a gauge must not end in `_total`. Their per-type gauges (`nodejs_active_handles{type}` …)
 * stay, and `sum()` over them gives the same totals.
 */
const MISNAMED_DEFAULT_GAUGES = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

export function collectProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
  for (const name of MISNAMED_DEFAULT_GAUGES) metricsRegistry.removeSingleMetric(name);
}

function reuse<T>(name: string, make: () => T): T {
  return (metricsRegistry.getSingleMetric(name) as T | undefined) ?? make();
}

export const counter = (name: string, help: string, labelNames: string[] = []): Counter =>
  reuse(name, () => new Counter({ name, help, labelNames, registers: [metricsRegistry] }));

export const gauge = (name: string, help: string, labelNames: string[] = []): Gauge =>
  reuse(name, () => new Gauge({ name, help, labelNames, registers: [metricsRegistry] }));

export const histogram = (
  name: string,
  help: string,
  labelNames: string[] = [],
  buckets?: number[],
): Histogram =>
  reuse(name, () => new Histogram({ name, help, labelNames, buckets, registers: [metricsRegistry] }));
