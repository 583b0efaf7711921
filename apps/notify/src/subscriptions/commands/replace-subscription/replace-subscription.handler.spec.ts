import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { DnsReceiverAddresses } from '../../../channels/infrastructure/receiver-addresses.dns';
import { fixedResolve, specSettings } from '../../../notify-spec.fixture';
import { Subscription } from '../../domain/subscription.aggregate';
import { InMemorySubscriptionRepository } from '../../infrastructure/subscription.in-memory-repository';
import { ReplaceSubscriptionCommand } from './replace-subscription.command';
import { ReplaceSubscriptionHandler } from './replace-subscription.handler';

const settings = specSettings();
const dns = fixedResolve({ 'hooks.example.org': ['93.184.216.34'], 'inside.example.org': ['172.20.0.5'] });
const ID = '0193a000-0000-7000-8000-0000000000a1';
const hook = {
  name: 'hook',
  channel: 'webhook' as const,
  events: ['ticket.resolved'],
  departmentIds: [],
  categories: [],
  gridIds: [],
  urgencies: [],
  url: 'https://hooks.example.org/a',
  secret: 'sixteen-chars-secret',
  msgtype: null,
  mentionMobiles: [],
  mentionAll: false,
  recipients: [],
  sms: null,
  language: 'zh' as const,
  enabled: true,
};

describe('ReplaceSubscriptionHandler', () => {
  const setup = () => {
    const uow = new InlineUnitOfWork();
    const subscriptions = new InMemorySubscriptionRepository([
      Subscription.create({ id: ID, definition: hook, createdBy: 'u-admin', now: new Date('2026-03-01') }),
    ]);
    const receivers = new DnsReceiverAddresses(settings, dns);
    return {
      uow,
      subscriptions,
      handler: new ReplaceSubscriptionHandler(uow, subscriptions, receivers, settings),
    };
  };
  const replace = (fields: Partial<ReplaceSubscriptionCommand> = {}) =>
    ReplaceSubscriptionCommand.create({
      id: ID,
      name: 'hook v2',
      channel: 'webhook',
      events: ['resolved', 'feedback'],
      url: 'https://hooks.example.org/b',
      expectedVersion: 1,
      ...fields,
    });

  it('stores the new definition as the next version, keeping the secret that was not retyped', async () => {
    const { uow, subscriptions, handler } = setup();
    const res = await handler.execute(replace());
    expect(uow.transactions).toBe(1);
    expect(res).toMatchObject({
      name: 'hook v2',
      events: ['ticket.resolved', 'ticket.feedback-given'],
      hasSecret: true,
      version: 2,
    });
    expect(subscriptions.rows.get(ID)).toMatchObject({
      version: 2,
      secret: 'sixteen-chars-secret',
      url: 'https://hooks.example.org/b',
    });
  });

  it('changes nothing for the definition it already has: same version, nothing written', async () => {
    const { subscriptions, handler } = setup();
    const res = await handler.execute(
      replace({ name: 'hook', events: ['resolved'], url: 'https://hooks.example.org/a' }),
    );
    expect(res.version).toBe(1);
    expect(subscriptions.writes.get(ID)).toBeUndefined();
  });

  it('refuses a stale version with a 409 naming the current one, and an unknown id with a 404', async () => {
    const { subscriptions, handler } = setup();
    await handler.execute(replace());
    await expect(handler.execute(replace({ name: 'late edit' }))).rejects.toMatchObject({
      code: 'versionConflict',
      details: { currentVersion: 2 },
    });
    expect(subscriptions.rows.get(ID)?.name).toBe('hook v2');
    await expect(
      handler.execute(replace({ id: '0193a000-0000-7000-8000-0000000000ff' })),
    ).rejects.toMatchObject({
      code: 'notFound',
      message: 'subscription 0193a000-0000-7000-8000-0000000000ff does not exist',
    });
  });

  it('refuses a version past the int4 column when the command is built, naming the field', () => {
    for (const v of [2147483648, 2 ** 63, 1e308]) {
      let error: unknown;
      try {
        replace({ expectedVersion: v });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).details.errors).toEqual([
        expect.objectContaining({ field: 'expectedVersion' }),
      ]);
    }
  });

  it('refuses a replacement that points the receiver at an internal address, and keeps the stored one', async () => {
    const { uow, subscriptions, handler } = setup();
    await expect(handler.execute(replace({ url: 'https://inside.example.org/hook' }))).rejects.toMatchObject({
      code: 'validation',
      details: {
        errors: [{ field: 'url', messages: [expect.stringMatching(/private address \(172\.20\.0\.5\)/)] }],
      },
    });
    expect(subscriptions.rows.get(ID)).toMatchObject({ url: 'https://hooks.example.org/a', version: 1 });
    expect(uow.transactions).toBe(0);
  });
});
