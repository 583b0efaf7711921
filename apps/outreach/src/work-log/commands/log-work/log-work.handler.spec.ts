import { InlineUnitOfWork } from '@ticketing/testing';
import { people, refusal, seededDirectory } from '../../../shared/handler-spec.fixture';
import { dayOf } from '../../../shared/domain/zone-time';
import { InMemoryWorkLogRepository } from '../../infrastructure/work-log.in-memory-repository';
import { LogWorkCommand } from './log-work.command';
import { LogWorkHandler } from './log-work.handler';

async function kit() {
  const uow = new InlineUnitOfWork();
  const log = new InMemoryWorkLogRepository();
  return { uow, log, handler: new LogWorkHandler(uow, log, await seededDirectory()) };
}

const line = {
  day: dayOf(new Date()),
  kind: 'meeting' as const,
  title: '网格例会',
  content: '',
  enterpriseId: null,
  hours: 1,
};

describe('LogWorkHandler', () => {
  it('logs a line of the instructor’s own day: outreach.work-logged, one unit of work', async () => {
    const k = await kit();
    await k.handler.execute(
      LogWorkCommand.create({ user: people.instructor, ...line, enterpriseId: 'ent-3' }),
    );
    expect(k.log.saved.map((c) => c.payload)).toEqual([
      expect.objectContaining({ instructorUserId: 'u-ins', kind: 'meeting', enterpriseId: 'ent-3' }),
    ]);
    expect(k.uow.transactions).toBe(1);
  });

  it('an enterprise outside the instructor’s grids does not exist for them; bad fields are named', async () => {
    const k = await kit();
    expect(
      (
        await refusal(
          k.handler.execute(
            LogWorkCommand.create({ user: people.instructor, ...line, enterpriseId: 'ent-2' }),
          ),
        )
      ).code,
    ).toBe('notFound');
    expect(
      (
        await refusal(
          k.handler.execute(LogWorkCommand.create({ user: people.instructor, ...line, day: '2999-01-01' })),
        )
      ).details.errors,
    ).toEqual([{ field: 'day', messages: ['cannot be in the future'] }]);
    expect(k.log.rows).toEqual([]);
  });
});
