import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One Prometheus registry per process. Libraries and services register their own metrics here;
 * `/metrics` exposes it.
 */
export const metricsRegistry = new Registry();
let defaultsCollected = false;

export function collectProcessMetrics(service: string): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  metricsRegistry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: metricsRegistry });
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
