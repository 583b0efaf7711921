import { InlineUnitOfWork } from '@ticketing/testing';
import { people, refusal, seededDirectory } from '../../../shared/handler-spec.fixture';
import { InMemoryLiaisonsRepository } from '../../infrastructure/liaisons.in-memory-repository';
import { SetLiaisonsCommand } from './set-liaisons.command';
import { SetLiaisonsHandler } from './set-liaisons.handler';

async function kit() {
  const uow = new InlineUnitOfWork();
  const liaisons = new InMemoryLiaisonsRepository();
  const handler = new SetLiaisonsHandler(uow, liaisons, await seededDirectory());
  return { uow, liaisons, handler };
}

const request = {
  user: people.committee,
  enterpriseId: 'ent-1',
  keyEnterprise: true,
  instructorUserIds: ['u-ins'],
  leader: { name: '张书记', title: null, phone: null, userId: 'u-com' },
  department: { departmentId: 'dep-1', contactName: '李科长', contactPhone: null },
};

describe('SetLiaisonsHandler', () => {
  it('names the liaisons in one unit of work: outreach.liaisons-set; the same again changes nothing', async () => {
    const k = await kit();
    expect(await k.handler.execute(SetLiaisonsCommand.create({ ...request, expectedVersion: 0 }))).toEqual({
      enterpriseId: 'ent-1',
      version: 1,
      changed: true,
    });
    expect(await k.handler.execute(SetLiaisonsCommand.create(request))).toMatchObject({
      version: 1,
      changed: false,
    });
    expect(k.liaisons.saved.map((c) => c.eventType)).toEqual(['outreach.liaisons-set']);
    expect(k.liaisons.saved[0].payload).toMatchObject({ gridId: 'grid-1', keyEnterprise: true });
    expect(k.uow.transactions).toBe(2);
  });

  it('refuses a stale version with 409, and names each person who cannot be that liaison', async () => {
    const k = await kit();
    await k.handler.execute(SetLiaisonsCommand.create(request));
    expect(
      (await refusal(k.handler.execute(SetLiaisonsCommand.create({ ...request, expectedVersion: 0 })))).code,
    ).toBe('versionConflict');
    const e = await refusal(
      k.handler.execute(
        SetLiaisonsCommand.create({
          ...request,
          instructorUserIds: ['u-ins-2', 'u-ent'],
          leader: { name: '某人', title: null, phone: null, userId: 'u-ins' },
          department: { departmentId: 'dep-404', contactName: null, contactPhone: null },
        }),
      ),
    );
    expect(e.details.errors).toEqual([
      { field: 'instructorUserIds.0', messages: ["u-ins-2 does not work the enterprise's grid"] },
      { field: 'instructorUserIds.1', messages: ['u-ent is not an active instructor'] },
      { field: 'leader.userId', messages: ['u-ins is not committee staff'] },
      { field: 'department.departmentId', messages: ['dep-404 is not an active department'] },
    ]);
    expect(k.liaisons.saved).toHaveLength(1);
  });

  it('an unknown enterprise is a 404', async () => {
    const k = await kit();
    expect(
      (await refusal(k.handler.execute(SetLiaisonsCommand.create({ ...request, enterpriseId: 'ent-x' }))))
        .code,
    ).toBe('notFound');
  });
});
