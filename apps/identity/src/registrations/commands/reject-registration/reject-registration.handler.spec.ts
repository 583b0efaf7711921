import { caller, callerActor, ids, refusal } from '../../../handler-spec.fixture';
import { applicationId, pending, registrationKit } from '../../registration-spec.fixture';
import { RejectRegistrationCommand } from './reject-registration.command';
import { RejectRegistrationHandler } from './reject-registration.handler';

const reject = (kit: ReturnType<typeof registrationKit>, registrationId = applicationId) =>
  new RejectRegistrationHandler(kit.uow, kit.registrations).execute(
    RejectRegistrationCommand.create({ user: caller, registrationId, reason: '信用代码与营业执照不符' }),
  );

describe('RejectRegistrationHandler', () => {
  it('keeps the reason and the reviewer, drops the password hash, creates nothing', async () => {
    const kit = registrationKit(await pending());
    const result = await reject(kit);
    expect(result).toMatchObject({ status: 'rejected', reason: '信用代码与营业执照不符', version: 2 });
    expect(kit.registrations.rows.get(applicationId)).toMatchObject({
      passwordHash: null,
      decidedBy: ids.admin,
    });
    expect(kit.registrations.history).toEqual([
      expect.objectContaining({
        action: 'registration.rejected',
        actor: callerActor,
        details: { reason: '信用代码与营业执照不符' },
      }),
    ]);
    expect(kit.enterprises.changes.events).toEqual([]);
    expect(kit.users.changes.events).toEqual([]);
  });

  it('refuses a decided application (409) and an unknown one (404); a reason is required', async () => {
    const kit = registrationKit(await pending({ status: 'approved', passwordHash: null }));
    expect((await refusal(reject(kit))).code).toBe('illegalTransition');
    expect((await refusal(reject(kit, ids.nobody))).code).toBe('notFound');
    expect(() =>
      RejectRegistrationCommand.create({ user: caller, registrationId: applicationId, reason: '' }),
    ).toThrow(/reason/);
  });
});
