/**
 * The two settings every submission reads (its category, and its enterprise from the directory
 * copy) come from the service's SettingsCache while they do not change, and a change reaches the
 * next submission:
 *
 * - a write through this service (identity's events, copied by its consumer) drops the entries
 *   in this process as it commits;
 * - any other write (another replica's consumer, the committee's edit of the categories, a
 *   migration, psql: this service has no API that writes categories) is heard through the
 *   tables' trigger, which NOTIFYs ticket_settings at commit.
 */
import { DirectoryEvents, Topics } from '@ticketing/contracts';
import { SettingsCache, UnitOfWork } from '@ticketing/database';
import { eventually } from '@ticketing/testing';
import { EnterpriseDirectory } from '../src/directory/domain/enterprise-directory';
import { detailOf, ENT_B, GRID_B, startTicketKit, TicketKit } from './ticket-test-kit';

describe('submission settings: cached, and dropped when they change', () => {
  let kit: TicketKit;
  let cache: SettingsCache;

  beforeAll(async () => {
    kit = await startTicketKit({ TICKET_SUBMIT_PER_MINUTE: '1000' });
    cache = kit.running.app.get(SettingsCache);
  });
  afterAll(async () => {
    await kit?.close();
  });

  /**
   * Runs `sql` over the test's own connection (another process, as far as the service knows) and
   * waits, a while at most, until the service's cache has heard a change (the trigger's
   * notification at the commit). The wait does not fail by itself: a change the cache never hears
   * of shows as the stale answer the test then gets.
   */
  const writeElsewhere = async (sql: string, params: unknown[] = []) => {
    const since = cache.stats.changes;
    await kit.pg.query(sql, params);
    await eventually(() => cache.stats.changes > since, 5_000, 10);
  };

  /** Identity's event, applied by this service's consumer (the publish resolves once it committed). */
  const enterpriseUpserted = (name: string, active = true) =>
    kit.publish(Topics.Directory, DirectoryEvents.enterpriseUpserted, ENT_B, {
      id: ENT_B,
      name,
      creditCode: '91520000MA6DXXXX0X',
      gridId: GRID_B,
      contacts: [],
      active,
    });

  /**
   * A submission of enterprise B whose category, enterprise and the enterprise's search entry (for
   * the ticket's search row) were all served from the cache (no statement for them); until the
   * cache's feed is up, submissions read the database.
   */
  const cachedSubmission = async (category = 'utilities'): Promise<string> => {
    const id = await eventually(
      async () => {
        const before = { ...cache.stats };
        const res = await kit.submit('entB', { category });
        if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.body)}`);
        const served =
          cache.stats.hits === before.hits + 3 &&
          cache.stats.misses === before.misses &&
          cache.stats.bypassed === before.bypassed;
        return served ? (res.body.id as string) : '';
      },
      10_000,
      50,
    );
    if (!id) throw new Error('the settings cache never served a submission');
    return id;
  };

  const nameOn = async (ticketId: string): Promise<string> => (await detailOf(kit, ticketId)).enterpriseName;

  it('serves a repeated submission’s category and enterprise from memory', async () => {
    const id = await cachedSubmission();
    expect(await nameOn(id)).toBe('高新电子');
  });

  it('refuses the next submission once its category is retired, and files again once it is back', async () => {
    await cachedSubmission('utilities');

    await writeElsewhere(`UPDATE ticket.categories SET active = false WHERE code = 'utilities'`);
    const refused = await kit.submit('entB', { category: 'utilities' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('category');
    // The refusal is what the cache holds now (null), until the next change.
    expect((await kit.submit('entB', { category: 'utilities' })).status).toBe(400);

    await writeElsewhere(`UPDATE ticket.categories SET active = true WHERE code = 'utilities'`);
    expect((await kit.submit('entB', { category: 'utilities' })).status).toBe(201);
    await cachedSubmission('utilities');
  });

  it('names the enterprise as identity renamed it on the very next ticket, and refuses it once deactivated', async () => {
    expect(await nameOn(await cachedSubmission())).toBe('高新电子');

    // No wait: the consumer's commit dropped the entry in this process before the publish resolved.
    await enterpriseUpserted('高新电子科技有限公司');
    const renamed = await kit.submit('entB');
    expect(renamed.status).toBe(201);
    expect(await nameOn(renamed.body.id)).toBe('高新电子科技有限公司');

    await enterpriseUpserted('高新电子科技有限公司', false);
    const refused = await kit.submit('entB');
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain('enterpriseId');

    await enterpriseUpserted('高新电子');
    expect(await nameOn(await cachedSubmission())).toBe('高新电子');
  });

  it('hears a rename another replica copied', async () => {
    expect(await nameOn(await cachedSubmission())).toBe('高新电子');
    const copy = (name: string) =>
      writeElsewhere(
        `UPDATE ticket.directory_enterprises SET name = $2, source_occurred_at = now() WHERE id = $1`,
        [ENT_B, name],
      );

    await copy('高新电子（另一副本）');
    const renamed = await kit.submit('entB');
    expect(renamed.status).toBe(201);
    expect(await nameOn(renamed.body.id)).toBe('高新电子（另一副本）');

    await copy('高新电子');
    expect(await nameOn(await cachedSubmission())).toBe('高新电子');
  });

  it('lets the transaction that writes the enterprise read its own write, and caches nothing of it', async () => {
    await cachedSubmission();
    const uow = kit.running.app.get(UnitOfWork);
    const directory = kit.running.app.get(EnterpriseDirectory);
    const rollback = new Error('rolled back');
    await expect(
      uow.transaction(async () => {
        await directory.upsertEnterprise(
          { id: ENT_B, name: '未提交的名称', gridId: GRID_B, active: true },
          new Date(),
        );
        expect((await directory.findEnterprise(ENT_B))?.name).toBe('未提交的名称');
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    expect(await nameOn(await cachedSubmission())).toBe('高新电子');
  });
});
