import { createHmac } from 'node:crypto';
import { RenderedMessage } from '../../messages/domain/message';
import {
  dingtalkRequest,
  dingtalkSign,
  robotOutcome,
  webhookRequest,
  webhookSignature,
  wecomRequest,
} from './robot-requests';

const message: RenderedMessage = {
  eventType: 'ticket.assigned',
  ticketId: 't1',
  ticketNumber: 'CS-2026-000001',
  title: '新诉求待签收',
  summary: '请人社局签收',
  facts: [{ label: '诉求编号', value: 'CS-2026-000001' }],
  link: 'http://127.0.0.1:3000/tickets/t1',
  linkLabel: '查看诉求',
  subject: 's',
};

describe('robot requests', () => {
  it('signs DingTalk as base64 HmacSHA256 of "timestamp\\nsecret", URL-encoded', () => {
    const expected = createHmac('sha256', 'SECabc').update('1700000000000\nSECabc').digest('base64');
    expect(decodeURIComponent(dingtalkSign('SECabc', 1700000000000))).toBe(expected);
    const req = dingtalkRequest(
      'https://oapi.dingtalk.com/robot/send?access_token=t',
      'SECabc',
      message,
      'markdown',
      { mobiles: ['13800138000'], all: false },
      1700000000000,
    );
    expect(req.url).toBe(
      `https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign=${encodeURIComponent(expected)}`,
    );
    const body = JSON.parse(req.body);
    expect(body.at).toEqual({ atMobiles: ['13800138000'], isAtAll: false });
    expect(body.markdown.text).toContain('@13800138000');
  });

  it('puts WeCom @mentions in mentioned_mobile_list of a text message', () => {
    const body = JSON.parse(
      wecomRequest('https://x', message, 'text', { mobiles: ['13800138000'], all: false }).body,
    );
    expect(body).toMatchObject({ msgtype: 'text', text: { mentioned_mobile_list: ['13800138000'] } });
    expect(
      JSON.parse(wecomRequest('https://x', message, 'markdown', { mobiles: [], all: false }).body).markdown
        .content,
    ).toContain('### 新诉求待签收');
  });

  it('signs webhooks over "<timestamp>.<body>"', () => {
    const req = webhookRequest(
      'https://h',
      'a-secret-of-16-chars',
      message,
      { deliveryId: 'd', eventId: 'e', eventType: 'ticket.assigned', occurredAt: 'now' },
      1700000000123,
    );
    expect(req.headers['X-Chuishao-Timestamp']).toBe('1700000000');
    expect(req.headers['X-Chuishao-Signature']).toBe(
      webhookSignature('a-secret-of-16-chars', 1700000000, req.body),
    );
    expect(req.headers['X-Chuishao-Signature']).toBe(
      `sha256=${createHmac('sha256', 'a-secret-of-16-chars').update(`1700000000.${req.body}`).digest('hex')}`,
    );
  });

  it('treats a robot errcode as a failure even with HTTP 200', () => {
    expect(robotOutcome(200, '{"errcode":0,"errmsg":"ok"}')).toEqual({ ok: true });
    expect(robotOutcome(200, '{"errcode":93000,"errmsg":"invalid webhook url"}')).toEqual({
      ok: false,
      error: 'robot error 93000: invalid webhook url',
    });
    expect(robotOutcome(200, '<html>')).toMatchObject({ ok: false });
    expect(robotOutcome(502, '')).toEqual({ ok: false, error: 'HTTP 502' });
  });
});
