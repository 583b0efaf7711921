import { buildSubscription, maskUrl, matches, SubscriptionInput } from './subscription-definition';
import { emptyFacts, viewOf } from '../../events/domain/event-view';
import { createEnvelope } from '@ticketing/contracts';

const ctx = { allowHttp: false, emailAvailable: true };
const wecom: SubscriptionInput = {
  name: 'HR group',
  channel: 'wecom',
  events: ['assigned'],
  url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-123',
};
const fields = (input: SubscriptionInput, c = ctx) => {
  const r = buildSubscription(input, c);
  return r.ok ? [] : r.problems.map((p) => p.field);
};

describe('buildSubscription', () => {
  it('resolves friendly names and event types to types', () => {
    const r = buildSubscription(
      { ...wecom, events: ['assigned', 'sla.breached', 'transfer_requested', 'assigned'] },
      ctx,
    );
    expect(r.ok && r.value.events).toEqual(['ticket.assigned', 'sla.breached', 'ticket.transfer-requested']);
    expect(r.ok && r.value.msgtype).toBe('markdown');
  });

  it('names the field of each mistake', () => {
    expect(fields({ ...wecom, events: ['assigned', 'exploded'] })).toEqual(['events']);
    expect(fields({ ...wecom, url: 'not a url' })).toEqual(['url']);
    expect(fields({ ...wecom, url: 'http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a' })).toEqual([
      'url',
    ]);
    expect(fields({ ...wecom, url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' })).toEqual(['url']);
    expect(fields({ ...wecom, secret: 'x' })).toEqual(['secret']);
    expect(fields({ ...wecom, mentionMobiles: ['13800138000'] })).toEqual(['mentionMobiles']);
    expect(fields({ ...wecom, msgtype: 'text', mentionMobiles: ['12345'] })).toEqual(['mentionMobiles']);
    expect(
      fields({
        name: 'd',
        channel: 'dingtalk',
        events: ['breached'],
        url: 'https://oapi.dingtalk.com/robot/send?access_token=t',
      }),
    ).toEqual(['secret']);
    expect(
      fields({
        name: 'w',
        channel: 'webhook',
        events: ['breached'],
        url: 'https://hooks.example.org/x',
        secret: 'short',
      }),
    ).toEqual(['secret']);
    expect(
      fields({ name: 'm', channel: 'email', events: ['breached'], recipients: ['a@b.cn', 'nope'] }),
    ).toEqual(['recipients']);
    expect(
      fields(
        { name: 'm', channel: 'email', events: ['breached'], recipients: ['a@b.cn'] },
        { ...ctx, emailAvailable: false },
      ),
    ).toEqual(['channel']);
  });

  it('accepts a self-hosted https gateway, and http only when allowed', () => {
    expect(fields({ ...wecom, url: 'https://robot-gw.zone.gov.cn/wecom/send?key=1' })).toEqual([]);
    expect(fields({ ...wecom, url: 'http://127.0.0.1:8080/send' })).toEqual(['url']);
    expect(fields({ ...wecom, url: 'http://127.0.0.1:8080/send' }, { ...ctx, allowHttp: true })).toEqual([]);
  });

  it('masks robot keys for display', () => {
    expect(maskUrl(wecom.url!)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-%E2%80%A6');
  });
});

describe('matches', () => {
  const event = createEnvelope({
    type: 'ticket.assigned',
    aggregateId: 't1',
    aggregateVersion: 1,
    actor: { id: 'system', role: 'system' },
    payload: { leadDepartmentId: 'dep-hr', coHandlerDepartmentIds: ['dep-it'] },
  });
  const view = viewOf(event, {
    ...emptyFacts('t1'),
    category: 'labour',
    urgency: 'urgent',
    gridId: 'g1',
    leadDepartmentId: 'dep-hr',
    coHandlerDepartmentIds: ['dep-it'],
  });
  const sub = { events: ['ticket.assigned'], departmentIds: [], categories: [], gridIds: [], urgencies: [] };

  it('lets everything through an empty filter and checks each filter given', () => {
    expect(matches(sub, view)).toBe(true);
    expect(matches({ ...sub, events: ['ticket.resolved'] }, view)).toBe(false);
    expect(matches({ ...sub, departmentIds: ['dep-it'] }, view)).toBe(true);
    expect(matches({ ...sub, departmentIds: ['dep-tax'] }, view)).toBe(false);
    expect(matches({ ...sub, categories: ['finance'] }, view)).toBe(false);
    expect(matches({ ...sub, gridIds: ['g1'], urgencies: ['urgent', 'critical'] }, view)).toBe(true);
    expect(matches({ ...sub, urgencies: ['critical'] }, view)).toBe(false);
  });
});
