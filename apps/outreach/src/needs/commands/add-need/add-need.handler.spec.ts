import { InlineUnitOfWork } from '@ticketing/testing';
import { people, refusal, seededDirectory } from '../../../shared/handler-spec.fixture';
import { InMemoryNeedRepository } from '../../infrastructure/need.in-memory-repository';
import { AddNeedCommand } from './add-need.command';
import { AddNeedHandler } from './add-need.handler';

async function kit() {
  const uow = new InlineUnitOfWork();
  const needs = new InMemoryNeedRepository();
  return { uow, needs, handler: new AddNeedHandler(uow, needs, await seededDirectory()) };
}

const need = { kind: 'hiring' as const, title: '招 20 名焊工', description: '新订单需要焊工' };

describe('AddNeedHandler', () => {
  it('an enterprise adds its own need, an instructor one of its grid (and follows it up): outreach.need-added', async () => {
    const k = await kit();
    await k.handler.execute(AddNeedCommand.create({ user: people.enterprise, ...need }));
    await k.handler.execute(
      AddNeedCommand.create({ user: people.instructor, enterpriseId: 'ent-3', ...need }),
    );
    expect(k.needs.saved.map((c) => c.payload)).toEqual([
      expect.objectContaining({
        enterpriseId: 'ent-1',
        ownerUserId: null,
        instructorUserId: null,
        status: 'open',
      }),
      expect.objectContaining({ enterpriseId: 'ent-3', ownerUserId: 'u-ins', instructorUserId: 'u-ins' }),
    ]);
    expect(k.uow.transactions).toBe(2);
  });

  it('the committee may route it to a department at once; nobody else may', async () => {
    const k = await kit();
    const r = await k.handler.execute(
      AddNeedCommand.create({
        user: people.committee,
        enterpriseId: 'ent-2',
        ownerDepartmentId: 'dep-1',
        ...need,
      }),
    );
    expect(k.needs.rows.get(r.id)).toMatchObject({ ownerDepartmentId: 'dep-1' });
    expect(
      (
        await refusal(
          k.handler.execute(
            AddNeedCommand.create({ user: people.enterprise, ownerDepartmentId: 'dep-1', ...need }),
          ),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (
        await refusal(
          k.handler.execute(
            AddNeedCommand.create({
              user: people.committee,
              enterpriseId: 'ent-2',
              ownerDepartmentId: 'dep-x',
              ...need,
            }),
          ),
        )
      ).details.errors,
    ).toEqual([expect.objectContaining({ field: 'ownerDepartmentId' })]);
  });

  it('another enterprise’s or another grid’s need does not exist for the caller', async () => {
    const k = await kit();
    for (const [user, enterpriseId] of [
      [people.enterprise, 'ent-2'],
      [people.instructor, 'ent-2'],
    ] as const) {
      expect(
        (await refusal(k.handler.execute(AddNeedCommand.create({ user, enterpriseId, ...need })))).code,
      ).toBe('notFound');
    }
    expect(k.needs.rows.size).toBe(0);
  });
});
