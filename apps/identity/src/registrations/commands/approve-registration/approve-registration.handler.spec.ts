import { enterpriseState } from '../../../identity-spec.fixture';
import { caller, callerActor, fieldsOf, hasher, ids, refusal } from '../../../handler-spec.fixture';
import { applicationId, pending, registrationKit } from '../../registration-spec.fixture';
import { ApproveRegistrationCommand } from './approve-registration.command';
import { ApproveRegistrationHandler } from './approve-registration.handler';

const approve = (kit: ReturnType<typeof registrationKit>, registrationId = applicationId) =>
  new ApproveRegistrationHandler(kit.uow, kit.registrations, kit.enterprises, kit.users).execute(
    ApproveRegistrationCommand.create({ user: caller, registrationId }),
  );

describe('ApproveRegistrationHandler', () => {
  it('creates the enterprise and its user through their aggregates, announced and audited, in one unit of work', async () => {
    const kit = registrationKit(await pending());
    const result = await approve(kit);
    expect(result).toMatchObject({ status: 'approved', version: 2, reason: null });
    const enterprise = kit.enterprises.rows.get(result.enterpriseId!)!;
    expect(enterprise).toMatchObject({
      name: '六枝特区绿源茶业有限公司',
      creditCode: '91110000600037341L',
      contacts: [{ name: '杨秀英', phone: '15185890633', email: null }],
      active: true,
      version: 1,
    });
    const user = kit.users.rows.get(result.userId!)!;
    expect(user).toMatchObject({
      username: 'lvyuan-tea',
      role: 'enterprise',
      enterpriseId: enterprise.id,
      mobile: '15185890633',
      mustChangePassword: false,
      active: true,
    });
    expect(await hasher.verify('Apply2026x', user.passwordHash)).toBe(true);
    expect(kit.enterprises.changes.events.map((e) => [e.type, e.aggregateId, e.actor])).toEqual([
      ['directory.enterprise-upserted', enterprise.id, callerActor],
    ]);
    expect(kit.users.changes.events.map((e) => [e.type, e.aggregateId])).toEqual([
      ['directory.user-upserted', user.id],
    ]);
    expect(kit.enterprises.changes.audit[0]).toMatchObject({
      action: 'enterprise.created',
      details: expect.objectContaining({ registrationId: applicationId }),
    });
    expect(kit.users.changes.audit[0]).toMatchObject({ action: 'user.created' });
    expect(JSON.stringify(kit.users.changes)).not.toContain(user.passwordHash);
    const stored = kit.registrations.rows.get(applicationId)!;
    expect([stored.passwordHash, stored.decidedBy, stored.status]).toEqual([null, ids.admin, 'approved']);
    expect(kit.registrations.history.map((l) => l.action)).toEqual(['registration.approved']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('decides once: a second approval is an illegal transition and creates nothing', async () => {
    const kit = registrationKit(await pending());
    await approve(kit);
    const again = await refusal(approve(kit));
    expect(again.code).toBe('illegalTransition');
    expect(kit.enterprises.rows.size).toBe(2);
  });

  it('refuses with 409 on the field when the admin registered the credit code or the username meanwhile', async () => {
    const kit = registrationKit(await pending());
    kit.enterprises.rows.set(
      ids.lvyuan,
      enterpriseState({ id: ids.lvyuan, creditCode: '91110000600037341L' }),
    );
    const code = await refusal(approve(kit));
    expect([code.code, fieldsOf(code)]).toEqual(['conflict', ['creditCode']]);
    const kit2 = registrationKit(await pending({ username: 'instructor' }));
    const name = await refusal(approve(kit2));
    expect([name.code, fieldsOf(name)]).toEqual(['conflict', ['username']]);
    for (const k of [kit, kit2]) {
      expect(k.registrations.rows.get(applicationId)!.status).toBe('pending');
      expect(k.users.changes.events).toEqual([]);
      expect(k.enterprises.changes.events).toEqual([]);
    }
  });

  it('answers 404 for an application that does not exist', async () => {
    const kit = registrationKit();
    const e = await refusal(approve(kit, ids.nobody));
    expect([e.code, e.message]).toEqual(['notFound', `registration ${ids.nobody} does not exist`]);
  });
});
