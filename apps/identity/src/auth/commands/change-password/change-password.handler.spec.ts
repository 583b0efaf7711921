import { caller, directory, fieldsOf, hasher, ids, refusal, userState } from '../../../handler-spec.fixture';
import { RefreshToken } from '../../domain/refresh-token';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordHandler } from './change-password.handler';

async function kitFor(password: string, over: Parameters<typeof userState>[0] = {}) {
  const kit = directory({
    users: [
      userState({
        id: ids.committee,
        username: 'PW-Changer',
        passwordHash: await hasher.hash(password),
        mustChangePassword: true,
        ...over,
      }),
    ],
  });
  const { token } = RefreshToken.issue({ id: 't1', familyId: 'f1', userId: ids.committee }, 14, new Date());
  await kit.refreshTokens.save(token);
  const change = (currentPassword: string, newPassword: string) =>
    new ChangePasswordHandler(kit.uow, kit.users, kit.refreshTokens, hasher, kit.lockout()).execute(
      ChangePasswordCommand.create({
        user: { ...caller, id: ids.committee, role: 'committee' },
        currentPassword,
        newPassword,
      }),
    );
  return { ...kit, change };
}

describe('ChangePasswordHandler', () => {
  it('takes the new password, lifts the duty to change it and ends every session', async () => {
    const kit = await kitFor('Initial123');
    await kit.change('Initial123', 'Changed123');
    const stored = kit.users.rows.get(ids.committee)!;
    expect(await hasher.verify('Changed123', stored.passwordHash)).toBe(true);
    expect(stored.mustChangePassword).toBe(false);
    expect(kit.refreshTokens.live(ids.committee, new Date())).toEqual([]);
    expect(kit.users.changes.events).toEqual([]);
    // Announced in the same unit of work: every service refuses the tokens issued before it.
    expect(kit.refreshTokens.ended).toEqual([
      expect.objectContaining({
        userId: ids.committee,
        sessionId: null,
        reason: 'password-changed',
        actor: { id: ids.committee, role: 'committee' },
      }),
    ]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a wrong current password, counting it against the name like a failed login', async () => {
    const kit = await kitFor('Initial123');
    const e = await refusal(kit.change('Nope12345', 'Changed123'));
    expect(e.details.errors).toEqual([
      { field: 'currentPassword', messages: ['currentPassword is not your current password'] },
    ]);
    expect((await kit.failures.find('pw-changer'))?.failures).toBe(1);
    expect(kit.delays).toEqual([200]);
    expect(await hasher.verify('Initial123', kit.users.rows.get(ids.committee)!.passwordHash)).toBe(true);
    expect(kit.refreshTokens.live(ids.committee, new Date())).toHaveLength(1);
    expect(kit.refreshTokens.ended).toEqual([]);
  });

  it('refuses the same password again, and a disabled account', async () => {
    const same = await kitFor('Initial123');
    expect(fieldsOf(await refusal(same.change('Initial123', 'Initial123')))).toEqual(['newPassword']);
    const disabled = await kitFor('Initial123', { active: false });
    expect((await refusal(disabled.change('Initial123', 'Changed123'))).code).toBe('unauthorized');
  });
});
