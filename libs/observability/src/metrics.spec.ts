import { collectProcessMetrics, metricsRegistry } from './metrics';

describe('process metrics', () => {
  it('expose no gauge whose name ends in _total (promtool refuses them)', async () => {
    collectProcessMetrics('spec');
    const metrics = await metricsRegistry.getMetricsAsJSON();
    const misnamed = metrics.filter((m) => String(m.type) === 'gauge' && m.name.endsWith('_total'));
    expect(misnamed.map((m) => m.name)).toEqual([]);
    // The per-type gauges stay: their sum is the total the removed ones gave.
    expect(metrics.map((m) => m.name)).toEqual(expect.arrayContaining(['nodejs_active_handles']));
  });
});
