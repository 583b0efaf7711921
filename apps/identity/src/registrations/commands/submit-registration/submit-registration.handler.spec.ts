import { fieldsOf, hasher, ids, refusal } from '../../../handler-spec.fixture';
import { pending, registrationKit } from '../../registration-spec.fixture';
import { SubmitRegistrationCommand } from './submit-registration.command';
import { SubmitRegistrationHandler } from './submit-registration.handler';

const submit = (kit: ReturnType<typeof registrationKit>, over: Partial<SubmitRegistrationCommand> = {}) =>
  new SubmitRegistrationHandler(kit.uow, kit.registrations, kit.enterprises, kit.users, hasher).execute(
    SubmitRegistrationCommand.create({
      enterpriseName: '六枝特区绿源茶业有限公司',
      creditCode: '91110000600037341L',
      contactName: '杨秀英',
      phone: '15185890633',
      username: 'lvyuan-tea',
      password: 'Apply2026x',
      ...over,
    }),
  );

describe('SubmitRegistrationHandler', () => {
  it('keeps a pending application with the password hashed, its history, and creates nothing else', async () => {
    const kit = registrationKit();
    const result = await submit(kit);
    expect(result).toMatchObject({
      status: 'pending',
      username: 'lvyuan-tea',
      enterpriseId: null,
      version: 1,
    });
    expect(result).not.toHaveProperty('passwordHash');
    const row = kit.registrations.rows.get(result.id)!;
    expect(await hasher.verify('Apply2026x', row.passwordHash!)).toBe(true);
    expect(kit.registrations.history).toEqual([
      expect.objectContaining({ registrationId: result.id, action: 'registration.submitted', actor: null }),
    ]);
    expect(JSON.stringify(kit.registrations.history)).not.toContain('Apply2026x');
    expect([...kit.enterprises.rows.keys()]).toEqual([ids.hengda]);
    expect(kit.enterprises.changes.events).toEqual([]);
    expect(kit.users.changes.events).toEqual([]);
  });

  it('refuses with 409 on the field: a registered credit code, one already applied for, a taken or asked-for username', async () => {
    const kit = registrationKit(await pending());
    const registered = await refusal(submit(kit, { creditCode: '91520203MA6DKQ3F11', username: 'x-new' }));
    expect([registered.code, fieldsOf(registered)]).toEqual(['conflict', ['creditCode']]);
    const applied = await refusal(submit(kit, { username: 'x-new' }));
    expect([applied.code, fieldsOf(applied), applied.message]).toEqual([
      'conflict',
      ['creditCode'],
      'an application for credit code 91110000600037341L is already waiting for review',
    ]);
    const user = await refusal(submit(kit, { creditCode: '91520203MA6DK8XY2Q', username: 'instructor' }));
    expect([user.code, fieldsOf(user)]).toEqual(['conflict', ['username']]);
    const asked = await refusal(
      submit(kit, { creditCode: '91520203MA6DK8XY2Q', username: 'LVYUAN-TEA'.toLowerCase() }),
    );
    expect([asked.code, fieldsOf(asked)]).toEqual(['conflict', ['username']]);
    expect(kit.registrations.rows.size).toBe(1);
    expect(kit.registrations.history).toEqual([]);
  });

  it('refuses a rejected application no longer: its credit code and username are free again', async () => {
    const kit = registrationKit(
      await pending({ status: 'rejected', reason: '资料不全', passwordHash: null }),
    );
    await expect(submit(kit, { username: 'lvyuan-tea' })).resolves.toMatchObject({ status: 'pending' });
  });

  it('checks itself: bad fields are named before anything is hashed or stored', () => {
    expect(() =>
      SubmitRegistrationCommand.create({
        enterpriseName: 'x',
        creditCode: 'short',
        contactName: '',
        phone: '123',
        username: 'A B',
        password: 'short',
      }),
    ).toThrow(/enterpriseName[\s\S]*creditCode[\s\S]*contactName[\s\S]*phone[\s\S]*username[\s\S]*password/);
  });
});
