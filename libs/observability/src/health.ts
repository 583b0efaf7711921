/** Something `/health` asks: the database of a service, the transport. */
export interface HealthIndicator {
  readonly name: string;
  check(): Promise<{ ok: boolean; detail?: string }>;
}

export interface HealthReport {
  status: 'ok' | 'error';
  checks: Record<string, { ok: boolean; detail?: string }>;
}

/** Collects the indicators of every module in the process; `/health` runs them all. */
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async report(timeoutMs = 2000): Promise<HealthReport> {
    const checks: HealthReport['checks'] = {};
    await Promise.all(
      this.indicators.map(async (indicator) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<{ ok: boolean; detail: string }>((resolve) => {
          timer = setTimeout(
            () => resolve({ ok: false, detail: `no answer within ${timeoutMs} ms` }),
            timeoutMs,
          );
        });
        try {
          checks[indicator.name] = await Promise.race([indicator.check(), timeout]);
        } catch (e) {
          checks[indicator.name] = { ok: false, detail: (e as Error).message };
        } finally {
          clearTimeout(timer);
        }
      }),
    );
    const ok = Object.values(checks).every((c) => c.ok);
    return { status: ok ? 'ok' : 'error', checks };
  }
}
