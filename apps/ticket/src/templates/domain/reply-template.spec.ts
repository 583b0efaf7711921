import { Actor, DomainError } from '@ticketing/contracts';
import {
  beijingDateTime,
  fillPlaceholders,
  unknownPlaceholders,
  usedPlaceholders,
} from './reply-placeholders';
import { ReplyTemplate } from './reply-template.aggregate';

const committee: Actor = { id: 'u-com', role: 'committee' };
const at = new Date('2026-03-02T02:00:00Z');
const failure = (f: () => unknown): DomainError => {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
  }
  throw new Error('expected a DomainError');
};

describe('reply templates', () => {
  it('fills {enterprise} {number} {deadline} in, the deadline in Beijing time, 待定 without one', () => {
    const body = '{enterprise}：您的诉求{number}已受理，将于{deadline}前答复。{unknown}保持原样';
    const v = {
      enterprise: '六枝机械厂',
      number: 'CS-2026-000007',
      deadline: new Date('2026-03-12T09:30:00Z'),
    };
    expect(fillPlaceholders(body, v)).toBe(
      '六枝机械厂：您的诉求CS-2026-000007已受理，将于2026年3月12日 17:30前答复。{unknown}保持原样',
    );
    expect(fillPlaceholders('{deadline}', { ...v, deadline: null })).toBe('待定');
    // Beijing is UTC+8: 16:30 UTC on the 31st is already the 1st.
    expect(beijingDateTime(new Date('2026-12-31T16:30:00Z'))).toBe('2027年1月1日 00:30');
    expect(usedPlaceholders('{deadline} {number} {deadline}')).toEqual(['number', 'deadline']);
    expect(unknownPlaceholders('{enterprize} {number} { spaced } {}')).toEqual(['enterprize']);
  });

  it('is created trimmed with version 1 and a history entry; refuses blank, long and unknown placeholders naming each field', () => {
    const t = ReplyTemplate.create(
      { id: 't1', scope: 'zone', departmentId: null, title: ' 已受理 ', body: ' {enterprise}您好 ' },
      committee,
      at,
    );
    expect(t.snapshot()).toMatchObject({ title: '已受理', body: '{enterprise}您好', version: 1 });
    expect(t.pullChanges()).toEqual([
      { action: 'created', actor: committee, at, version: 1, title: '已受理', body: '{enterprise}您好' },
    ]);
    const e = failure(() =>
      ReplyTemplate.create(
        { id: 't2', scope: 'zone', departmentId: null, title: '  ', body: '{企业}您好' },
        committee,
        at,
      ),
    );
    expect(e.code).toBe('validation');
    expect(e.details.errors).toEqual([
      { field: 'title', messages: ['title is required'] },
      { field: 'body', messages: [expect.stringContaining('{企业}')] },
    ]);
    expect(
      failure(() =>
        ReplyTemplate.create(
          { id: 't3', scope: 'department', departmentId: null, title: 'a', body: 'b' },
          committee,
          at,
        ),
      ).code,
    ).toBe('validation');
  });

  it('changes only with something to change, checks the version, and records a deletion', () => {
    const t = ReplyTemplate.create(
      { id: 't1', scope: 'zone', departmentId: null, title: 'a', body: 'b' },
      committee,
      at,
    );
    t.pullChanges();
    expect(failure(() => t.update({ title: 'a', body: ' b ' }, committee, at)).details.errors).toEqual([
      { field: 'body', messages: ['nothing to change'] },
    ]);
    expect(failure(() => t.assertVersion(7)).code).toBe('versionConflict');
    t.update({ body: '新的{number}' }, committee, at);
    t.delete(committee, at);
    expect(t.deleted).toBe(true);
    expect(t.pullChanges().map((c) => [c.action, c.version, c.body])).toEqual([
      ['updated', 2, '新的{number}'],
      ['deleted', 3, '新的{number}'],
    ]);
  });
});
