import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { DnsReceiverAddresses } from '../../../channels/infrastructure/receiver-addresses.dns';
import { fixedResolve, specSettings } from '../../../notify-spec.fixture';
import { InMemorySubscriptionRepository } from '../../infrastructure/subscription.in-memory-repository';
import { CreateSubscriptionCommand } from './create-subscription.command';
import { CreateSubscriptionHandler } from './create-subscription.handler';

const settings = specSettings();
const dns = fixedResolve({
  'oapi.dingtalk.com': ['203.119.169.64'],
  'hooks.zone.example': ['93.184.216.34'],
  'rebound.zone.example': ['93.184.216.34', '10.0.3.7'],
});

describe('CreateSubscriptionHandler', () => {
  const setup = () => {
    const uow = new InlineUnitOfWork();
    const subscriptions = new InMemorySubscriptionRepository();
    const receivers = new DnsReceiverAddresses(settings, dns);
    return {
      uow,
      subscriptions,
      handler: new CreateSubscriptionHandler(uow, subscriptions, receivers, settings),
    };
  };

  it('stores the definition with friendly names resolved, in one unit of work, and shows no credentials', async () => {
    const { uow, subscriptions, handler } = setup();
    const res = await handler.execute(
      CreateSubscriptionCommand.create({
        name: ' 钉钉群 ',
        channel: 'dingtalk',
        events: ['assigned', 'sla.breached', 'assigned'],
        url: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123',
        secret: 'SECsecretsecret',
        createdBy: 'u-committee',
      }),
    );
    expect(uow.transactions).toBe(1);
    expect(res).toMatchObject({
      name: '钉钉群',
      events: ['ticket.assigned', 'sla.breached'],
      msgtype: 'markdown',
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abcd%E2%80%A6',
      hasSecret: true,
      version: 1,
      createdBy: 'u-committee',
    });
    expect(JSON.stringify(res)).not.toContain('SECsecretsecret');
    // The saved row is the whole effect: notify publishes no events of its own.
    expect(subscriptions.rows.get(res.id)).toMatchObject({
      secret: 'SECsecretsecret',
      version: 1,
      deletedAt: null,
    });
    expect(subscriptions.writes.get(res.id)).toBe(1);
  });

  it('refuses e-mail on a server without SMTP, naming the field, and writes nothing', async () => {
    const { uow, subscriptions, handler } = setup();
    const refused = handler.execute(
      CreateSubscriptionCommand.create({
        name: '值班邮箱',
        channel: 'email',
        events: ['breached'],
        recipients: ['duty@zone.example'],
        createdBy: 'u-admin',
      }),
    );
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({
      code: 'validation',
      details: { errors: [{ field: 'channel', messages: [expect.stringMatching(/SMTP_URL/)] }] },
    });
    expect(subscriptions.rows.size).toBe(0);
    expect(uow.transactions).toBe(0);
  });

  it.each([
    ['a loopback address', 'https://127.0.0.1:8443/hook', /loopback address \(127\.0\.0\.1\)/],
    ['a private address written in IPv6', 'https://[::ffff:192.168.1.20]/hook', /private address/],
    ['the cloud metadata service', 'https://169.254.169.254/latest/meta-data', /cloud metadata address/],
    ['a name for this machine', 'https://localhost/hook', /loopback address \(localhost\)/],
    [
      'a name that resolves to a private address too',
      'https://rebound.zone.example/hook',
      /private address \(10\.0\.3\.7\)/,
    ],
  ])('refuses a receiver on %s with a 400 naming url, and writes nothing', async (_what, url, reason) => {
    const { uow, subscriptions, handler } = setup();
    const refused = handler.execute(
      CreateSubscriptionCommand.create({
        name: '园区系统',
        channel: 'webhook',
        events: ['assigned'],
        url,
        secret: 'sixteen-chars-secret',
        createdBy: 'u-admin',
      }),
    );
    await expect(refused).rejects.toMatchObject({
      code: 'validation',
      details: { errors: [{ field: 'url', messages: [expect.stringMatching(reason)] }] },
    });
    expect(subscriptions.rows.size).toBe(0);
    expect(uow.transactions).toBe(0);
  });

  it('takes a receiver on a public address, and one whose name does not resolve yet (checked again when sending)', async () => {
    const { subscriptions, handler } = setup();
    for (const url of ['https://hooks.zone.example/hook', 'https://not-yet.zone.example/hook'])
      await handler.execute(
        CreateSubscriptionCommand.create({
          name: url,
          channel: 'webhook',
          events: ['assigned'],
          url,
          secret: 'sixteen-chars-secret',
          createdBy: 'u-admin',
        }),
      );
    expect(subscriptions.rows.size).toBe(2);
  });

  it('lets an admin setting allow internal receivers, but not the metadata service', async () => {
    const allowing = specSettings({ allowHttp: true, allowPrivateReceivers: true });
    const subscriptions = new InMemorySubscriptionRepository();
    const handler = new CreateSubscriptionHandler(
      new InlineUnitOfWork(),
      subscriptions,
      new DnsReceiverAddresses(allowing, dns),
      allowing,
    );
    const hook = (url: string) =>
      handler.execute(
        CreateSubscriptionCommand.create({
          name: 'intranet',
          channel: 'webhook',
          events: ['assigned'],
          url,
          secret: 'sixteen-chars-secret',
          createdBy: 'u-admin',
        }),
      );
    await hook('http://10.0.3.7:8080/hook');
    await expect(hook('http://100.100.100.200/latest/meta-data')).rejects.toMatchObject({
      details: { errors: [{ field: 'url', messages: [expect.stringMatching(/cloud metadata/)] }] },
    });
    expect(subscriptions.rows.size).toBe(1);
  });

  it('stores an SMS account: the AccessKey secret is kept, never shown, and each event has its template', async () => {
    const { subscriptions, handler } = setup();
    const res = await handler.execute(
      CreateSubscriptionCommand.create({
        name: '企业短信',
        channel: 'sms',
        events: ['assigned', 'information_requested', 'replied'],
        url: 'https://hooks.zone.example/',
        secret: 'the-access-key-secret',
        smsAccessKeyId: 'LTAI5tExample',
        smsSignName: '园区吹哨报到',
        smsTemplates: { assigned: 'SMS_1001', information_requested: 'SMS_1002', replied: 'SMS_1003' },
        createdBy: 'u-admin',
      }),
    );
    expect(res).toMatchObject({
      channel: 'sms',
      events: ['ticket.assigned', 'ticket.information-requested', 'ticket.replied'],
      hasSecret: true,
      smsAccessKeyId: 'LTAI5tExample',
      smsSignName: '园区吹哨报到',
      smsTemplates: { assigned: 'SMS_1001', information_requested: 'SMS_1002', replied: 'SMS_1003' },
    });
    expect(JSON.stringify(res)).not.toContain('the-access-key-secret');
    expect(subscriptions.rows.get(res.id)?.secret).toBe('the-access-key-secret');
  });

  it('refuses an SMS subscription to an event it cannot send, or without its template, naming each field', async () => {
    const { subscriptions, handler } = setup();
    const refused = handler.execute(
      CreateSubscriptionCommand.create({
        name: '企业短信',
        channel: 'sms',
        events: ['assigned', 'replied', 'breached'],
        url: 'https://hooks.zone.example/',
        smsTemplates: { assigned: 'SMS_1001', replied: 'tmpl-3' },
        createdBy: 'u-admin',
      }),
    );
    await expect(refused).rejects.toMatchObject({ code: 'validation' });
    const fields: string[] = await refused.then(
      () => [],
      (e: DomainError) => (e.details as { errors: { field: string }[] }).errors.map((x) => x.field),
    );
    expect(fields.sort()).toEqual(['events', 'secret', 'smsAccessKeyId', 'smsSignName', 'smsTemplates']);
    expect(subscriptions.rows.size).toBe(0);
  });
});
