import { createEnvelope, InvalidEnvelopeError, parseEnvelope } from './event-envelope';

const good = () =>
  createEnvelope({
    type: 'ticket.submitted',
    aggregateId: 't-1',
    aggregateVersion: 1,
    actor: { id: 'u-1', role: 'enterprise' },
    payload: { ticketId: 't-1', contact: { name: '张三', phone: '13800138000' }, attachments: [] },
  });

const problems = (raw: string): string[] => {
  try {
    parseEnvelope(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidEnvelopeError);
    return (e as InvalidEnvelopeError).problems;
  }
  throw new Error('parsed');
};

describe('parseEnvelope (every message a transport delivers)', () => {
  it('gives back the envelope as sent, its payload untouched', () => {
    const envelope = good();
    expect(parseEnvelope(JSON.stringify(envelope))).toEqual(JSON.parse(JSON.stringify(envelope)));
    expect(parseEnvelope(Buffer.from(JSON.stringify(envelope))).payload).toEqual(envelope.payload);
  });

  it('refuses what is not a JSON object', () => {
    expect(problems('{not json')).toEqual([expect.stringMatching(/^not JSON/)]);
    expect(problems('[1, 2]')).toEqual(['not a JSON object']);
    expect(problems('null')).toEqual(['not a JSON object']);
  });

  it('names each field at fault', () => {
    const bad = (over: Record<string, unknown>) => problems(JSON.stringify({ ...good(), ...over }));
    expect(bad({ id: 'not-a-uuid' })).toEqual(['id must be a UUID']);
    expect(bad({ type: 'Submitted' })).toEqual(['type must look like context.event-name']);
    expect(bad({ version: 0 })).toEqual(['version must not be less than 1']);
    expect(bad({ occurredAt: 'yesterday' })).toEqual(['occurredAt must be a valid ISO 8601 date string']);
    expect(bad({ aggregateVersion: -1 })).toEqual(['aggregateVersion must not be less than 0']);
    expect(bad({ correlationId: '' })).toEqual([
      'correlationId must be longer than or equal to 1 characters',
    ]);
    expect(bad({ causationId: 7 })).toEqual(['causationId must be a string']);
    expect(bad({ actor: { id: 'u-1', role: 'visitor' } })).toEqual(['actor is invalid']);
  });

  it('takes any object as the payload here (its type’s class checks it later), and nothing else', () => {
    expect(parseEnvelope(JSON.stringify({ ...good(), payload: {} })).payload).toEqual({});
    for (const payload of [[1], 'text', null, 3])
      expect(problems(JSON.stringify({ ...good(), payload }))).toEqual(['payload must be an object']);
    const { payload: _gone, ...without } = good();
    expect(problems(JSON.stringify(without))).toEqual(['payload must be an object']);
  });
});
