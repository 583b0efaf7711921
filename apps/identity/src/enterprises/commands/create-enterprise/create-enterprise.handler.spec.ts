import { caller, callerActor, directory, fieldsOf, ids, refusal } from '../../../handler-spec.fixture';
import { CreateEnterpriseCommand } from './create-enterprise.command';
import { CreateEnterpriseHandler } from './create-enterprise.handler';

const create = (kit: ReturnType<typeof directory>, over: Partial<CreateEnterpriseCommand> = {}) =>
  new CreateEnterpriseHandler(kit.uow, kit.enterprises, kit.grids).execute(
    CreateEnterpriseCommand.create({
      user: caller,
      name: '六枝特区绿源茶业有限公司',
      creditCode: '91110000600037341L',
      gridId: ids.west,
      contacts: [{ name: '杨秀英', phone: '15185890633' }],
      ...over,
    }),
  );

describe('CreateEnterpriseHandler', () => {
  it('registers the profile (一企一档) at version 1, announced with its contacts and audited', async () => {
    const kit = directory();
    const result = await create(kit);
    expect(result).toMatchObject({
      creditCode: '91110000600037341L',
      gridId: ids.west,
      industry: null,
      active: true,
      version: 1,
      contacts: [{ name: '杨秀英', phone: '15185890633', email: null }],
    });
    expect(kit.enterprises.rows.get(result.id)).toMatchObject({
      creditCode: '91110000600037341L',
      version: 1,
    });
    expect(kit.enterprises.changes.events).toEqual([
      expect.objectContaining({
        type: 'directory.enterprise-upserted',
        version: 1,
        actor: callerActor,
        payload: expect.objectContaining({ id: result.id, gridId: ids.west, industry: null, address: null }),
      }),
    ]);
    expect(kit.enterprises.changes.audit).toEqual([
      expect.objectContaining({
        action: 'enterprise.created',
        entityId: result.id,
        details: expect.objectContaining({ creditCode: '91110000600037341L', gridId: ids.west }),
      }),
    ]);
    expect(kit.enterprises.changes.audit[0].details).not.toHaveProperty('user');
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a credit code already registered (409 on the field) and a grid that does not exist (400)', async () => {
    const kit = directory();
    const taken = await refusal(create(kit, { creditCode: '91520203MA6DKQ3F11' }));
    expect([taken.code, fieldsOf(taken)]).toEqual(['conflict', ['creditCode']]);
    expect(taken.message).toBe('an enterprise with credit code 91520203MA6DKQ3F11 is already registered');
    const noGrid = await refusal(create(kit, { gridId: ids.nobody }));
    expect([noGrid.code, noGrid.details.errors]).toEqual([
      'validation',
      [{ field: 'gridId', messages: [`gridId ${ids.nobody} is not a known grid`] }],
    ]);
    expect([...kit.enterprises.rows.keys()]).toEqual([ids.hengda]);
    expect(kit.enterprises.changes.events).toEqual([]);
  });
});
