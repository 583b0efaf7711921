import { createEnvelope, EventEnvelope } from '@ticketing/contracts';
import { createTestDatabase } from '@ticketing/testing';
import { DataSource } from 'typeorm';
import { createOutboxAndInboxSql } from '../src';

export const SCHEMA = 'svc';

/** A database with one service schema: outbox, inbox and a table the test's "effects" write to. */
export async function messagingDatabase(): Promise<{
  ds: DataSource;
  url: string;
  drop: () => Promise<void>;
}> {
  const db = await createTestDatabase('msg');
  const ds = new DataSource({ type: 'postgres', url: db.url, extra: { max: 12 } });
  await ds.initialize();
  await ds.query(`CREATE SCHEMA ${SCHEMA}`);
  for (const sql of createOutboxAndInboxSql(SCHEMA)) await ds.query(sql);
  await ds.query(`CREATE TABLE ${SCHEMA}.things (id text PRIMARY KEY, note text)`);
  await ds.query(
    `CREATE TABLE ${SCHEMA}.applied (serial bigserial PRIMARY KEY, key text NOT NULL, n int NOT NULL, consumer text NOT NULL)`,
  );
  return {
    ds,
    url: db.url,
    drop: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}

export function numberedEvent(key: string, n: number): EventEnvelope<{ key: string; n: number }> {
  return createEnvelope({
    type: 'test.numbered',
    aggregateId: key,
    aggregateVersion: n,
    actor: { id: 'test', role: 'system' },
    payload: { key, n },
  });
}

/** The tests' own event types are not in the catalogue: their consumers take the envelope as it is. */
export const asTestEvent = (e: EventEnvelope<unknown>): EventEnvelope<Record<string, unknown>> =>
  e as EventEnvelope<Record<string, unknown>>;
