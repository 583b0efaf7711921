import type { RunningService } from '@ticketing/platform';
import { DemoQuarterReport, seedDemoQuarter } from './demo/demo-quarter.seeder';
import { standalone } from './standalone';
import { StandaloneEnv } from './standalone.env';

jest.mock('./demo/demo-quarter.seeder', () => ({ seedDemoQuarter: jest.fn() }));
const seed = seedDemoQuarter as jest.MockedFunction<typeof seedDemoQuarter>;

const running = { runtime: { logger: { error: jest.fn() } } } as unknown as RunningService;
const config = (quarter: boolean) => Object.assign(new StandaloneEnv(), { SEED_DEMO_QUARTER: quarter });
const report: DemoQuarterReport = { tickets: 3, steps: 9, skipped: [], rounds: 1, seconds: 1 };

describe('standalone: the demo quarter before ready', () => {
  beforeEach(() => seed.mockReset().mockResolvedValue(report));

  it('seeds on `npm start`, where nobody listens for the outcome', async () => {
    await standalone({ SEED_DEMO: 'true' }).beforeReady!(running, config(true));
    expect(seed).toHaveBeenCalledTimes(1);
  });

  it('tells a listener what was seeded', async () => {
    const heard = jest.fn();
    await standalone({ SEED_DEMO: 'true' }, heard).beforeReady!(running, config(true));
    expect(heard).toHaveBeenCalledWith(report);
  });

  it('still opens, telling the listener nothing was seeded, when seeding fails', async () => {
    seed.mockRejectedValue(new Error('the API refused'));
    const heard = jest.fn();
    await standalone({ SEED_DEMO: 'true' }, heard).beforeReady!(running, config(true));
    expect(heard).toHaveBeenCalledWith(null);
    expect(running.runtime.logger.error).toHaveBeenCalled();
  });

  it('does not seed with SEED_DEMO=false or SEED_DEMO_QUARTER=false', async () => {
    await standalone({ SEED_DEMO: 'false' }).beforeReady!(running, config(true));
    await standalone({ SEED_DEMO: 'true' }).beforeReady!(running, config(false));
    expect(seed).not.toHaveBeenCalled();
  });
});
