import { RefreshToken } from '../../../auth/domain/refresh-token';
import { caller, directory, fieldsOf, hasher, ids, refusal } from '../../../handler-spec.fixture';
import { InMemoryResetLinkRepository } from '../../infrastructure/reset-link.in-memory-repository';
import { IssueResetLinkCommand } from '../issue-reset-link/issue-reset-link.command';
import { IssueResetLinkHandler } from '../issue-reset-link/issue-reset-link.handler';
import { RedeemResetLinkCommand } from './redeem-reset-link.command';
import { RedeemResetLinkHandler } from './redeem-reset-link.handler';

async function kitWithLink() {
  const kit = directory();
  const links = new InMemoryResetLinkRepository();
  const { link } = await new IssueResetLinkHandler(kit.uow, kit.users, links).execute(
    IssueResetLinkCommand.create({ user: caller, userId: ids.instructor }),
  );
  const token = new URL(link, 'http://x').searchParams.get('token')!;
  const redeem = (t = token, newPassword = 'Forgot2026x') =>
    new RedeemResetLinkHandler(kit.uow, links, kit.users, kit.refreshTokens, hasher).execute(
      RedeemResetLinkCommand.create({ token: t, newPassword }),
    );
  return { kit, links, token, redeem };
}

describe('RedeemResetLinkHandler', () => {
  it("sets the user's own password, spends the link and ends every session of the user", async () => {
    const { kit, links, redeem } = await kitWithLink();
    const { token: session } = RefreshToken.issue(
      { id: 't1', familyId: 'f1', userId: ids.instructor },
      14,
      new Date(),
    );
    await kit.refreshTokens.save(session);
    await redeem();
    const user = kit.users.rows.get(ids.instructor)!;
    expect(await hasher.verify('Forgot2026x', user.passwordHash)).toBe(true);
    expect(user.mustChangePassword).toBe(false);
    expect(Number.isFinite([...links.rows.values()][0].usedAt?.getTime())).toBe(true);
    expect(kit.refreshTokens.live(ids.instructor, new Date())).toEqual([]);
    expect(kit.refreshTokens.ended).toEqual([
      expect.objectContaining({ userId: ids.instructor, reason: 'password-reset' }),
    ]);
  });

  it('refuses on the token field: used once already, expired, unknown; nothing changes', async () => {
    const { kit, links, redeem } = await kitWithLink();
    await redeem();
    const before = kit.users.rows.get(ids.instructor)!.passwordHash;
    const used = await refusal(redeem(undefined, 'Another2026x'));
    expect([used.code, fieldsOf(used), used.message]).toEqual([
      'validation',
      ['token'],
      'token: this reset link has already been used',
    ]);
    const unknown = await refusal(redeem('x'.repeat(43)));
    expect([fieldsOf(unknown), unknown.message]).toEqual([['token'], 'token: this reset link is not valid']);
    expect(kit.users.rows.get(ids.instructor)!.passwordHash).toBe(before);

    const late = await kitWithLink();
    const row = [...late.links.rows.values()][0];
    late.links.rows.set(row.id, { ...row, expiresAt: new Date(Date.now() - 1000) });
    const expired = await refusal(late.redeem());
    expect([fieldsOf(expired), expired.message]).toEqual([
      ['token'],
      expect.stringMatching(/^token: this reset link expired at /),
    ]);
    expect([...late.links.rows.values()][0].usedAt).toBeNull();
    expect(links.rows.size).toBe(1);
  });

  it('checks the new password before anything else', () => {
    expect(() => RedeemResetLinkCommand.create({ token: 'x'.repeat(43), newPassword: 'short' })).toThrow(
      /newPassword/,
    );
  });
});
