import { CommandBus } from '@nestjs/cqrs';
import { createTestDatabase, eventually } from '@ticketing/testing';
import { Client } from 'pg';
import { SealChainCommand } from '../src/chain/commands/seal-chain/seal-chain.command';
import { Seal } from '../src/chain/domain/ledger-chain.aggregate';
import { DEP_A, deliver, Lifecycle, startLedger } from './ledger-test-kit';

/** The service seals the chain once a day by itself, from its first moments up, however often it starts. */
describe('ledger chain: the daily seal', () => {
  let db: { url: string; drop: () => Promise<void> };
  let c: Client;

  beforeAll(async () => {
    db = await createTestDatabase('ledger_daily');
    c = new Client({ connectionString: db.url });
  });

  afterAll(async () => {
    await c?.end();
    await db?.drop();
  });

  it('is made at start, and a second start the same day makes none', async () => {
    const first = await startLedger(db.url, { LEDGER_DAILY_SEAL: 'true' });
    await c.connect();
    const daily = async () =>
      (await c.query(`SELECT seal_no::int, last_seq::int FROM ledger.seals WHERE reason = 'daily'`)).rows;
    try {
      expect(await eventually(async () => (await daily()).length === 1, 10_000)).toBe(true);
      await deliver(
        first,
        new Lifecycle({ ticketId: 't-daily-1' }, new Date()).submit().after(1).assign(DEP_A).events,
      );
    } finally {
      await first.close();
    }
    const second = await startLedger(db.url, { LEDGER_DAILY_SEAL: 'true' });
    try {
      // What the second start's scheduler asks, asked once more: the day is sealed already.
      const again = await second.app
        .get(CommandBus)
        .execute<SealChainCommand, Seal | null>(SealChainCommand.create({ reason: 'daily' }));
      expect(again).toBeNull();
      expect(await daily()).toEqual([{ seal_no: 1, last_seq: 0 }]);
    } finally {
      await second.close();
    }
  });
});
