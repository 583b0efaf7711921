import { AuthUser } from '@ticketing/auth';
import { DomainError, toDomainEvent, createEnvelope } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { BulletinSourceData } from '../../domain/bulletin.aggregate';
import {
  InMemoryBulletinRepository,
  InMemoryBulletinSource,
} from '../../infrastructure/bulletin.in-memory-repository';
import { PublishBulletinCommand } from './publish-bulletin.command';
import { PublishBulletinHandler } from './publish-bulletin.handler';

const committee: AuthUser = { id: 'u-com', role: 'committee', name: '张书记' } as AuthUser;
const SOURCE: BulletinSourceData = {
  ranking: [
    { rank: 1, departmentId: 'dep-b', departmentName: '工信局', score: 1, received: 1 },
    { rank: 2, departmentId: 'dep-a', departmentName: '人社局', score: 0.8312, received: 9 },
  ],
  overdue: [
    {
      ticketId: 't-2',
      number: 'CS-2026-000002',
      title: '招工难',
      enterpriseName: '六枝宏达机械有限公司',
      departmentId: 'dep-a',
      departmentName: '人社局',
      clock: 'resolve',
      dueAt: '2026-03-05T01:00:00.000Z',
      doneAt: '2026-03-05T05:00:00.000Z',
    },
  ],
  overdueTotal: 1,
  departmentIds: ['dep-a', 'dep-b', 'dep-c'],
  formula: '综合得分 = …',
};

describe('PublishBulletinHandler', () => {
  let uow: InlineUnitOfWork;
  let bulletins: InMemoryBulletinRepository;
  let source: InMemoryBulletinSource;
  let handler: PublishBulletinHandler;
  const publish = (period: string, user = committee) =>
    handler.execute(PublishBulletinCommand.create({ user, period }));

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    bulletins = new InMemoryBulletinRepository();
    source = new InMemoryBulletinSource(SOURCE);
    handler = new PublishBulletinHandler(uow, bulletins, source);
  });

  it('freezes the period’s ranking and overdue list into one bulletin for every department, in one unit of work', async () => {
    const b = await publish('2026-Q1');
    expect(uow.transactions).toBe(1);
    expect(bulletins.locks).toBe(1);
    expect(source.asked).toEqual(['2026-Q1']);
    expect(b).toMatchObject({
      periodKind: 'quarter',
      period: '2026-Q1',
      title: '2026年第一季度工作通报',
      publishedBy: { id: 'u-com', name: '张书记' },
      ranking: SOURCE.ranking,
      overdue: SOURCE.overdue,
      overdueTotal: 1,
      departmentIds: ['dep-a', 'dep-b', 'dep-c'],
    });
    expect(b.summary).toBe(
      '2026年第一季度工作通报：2 个部门参与排名，第一名 工信局（综合得分 100.0）；超时诉求 1 件，涉及 人社局。',
    );
    expect(bulletins.saved).toEqual([b]);
    // The event notify receives passes the catalogue's check.
    const event = createEnvelope({
      type: 'ledger.bulletin-published',
      aggregateId: b.bulletinId,
      aggregateVersion: 1,
      actor: { id: 'u-com', role: 'committee' },
      payload: b,
    });
    expect(toDomainEvent(event)?.type).toBe('ledger.bulletin-published');
  });

  it('one bulletin per period: a second is refused (409) naming the first, and nothing is saved', async () => {
    const first = await publish('2026-03');
    const refused = await publish('2026-03').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'conflict', details: { bulletinId: first.bulletinId } });
    expect(bulletins.saved).toHaveLength(1);
    expect((await publish('2026')).periodKind).toBe('year');
  });

  it('a period without figures has nothing to publish (400 naming period)', async () => {
    handler = new PublishBulletinHandler(
      uow,
      bulletins,
      new InMemoryBulletinSource({ ...SOURCE, ranking: [] }),
    );
    const refused = await publish('2025-Q4').catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'validation', details: { errors: [{ field: 'period' }] } });
    expect(bulletins.saved).toEqual([]);
  });

  it('only the committee publishes; a malformed period is refused before anything', async () => {
    for (const role of ['admin', 'department', 'instructor', 'enterprise'])
      await expect(publish('2026-Q1', { ...committee, role } as AuthUser)).rejects.toMatchObject({
        code: 'forbidden',
      });
    expect(() => PublishBulletinCommand.create({ user: committee, period: '2026-Q5' })).toThrow(DomainError);
    expect(uow.transactions).toBe(0);
    expect(bulletins.saved).toEqual([]);
  });
});
