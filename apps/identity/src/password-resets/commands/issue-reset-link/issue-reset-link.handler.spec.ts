import { caller, directory, ids, refusal } from '../../../handler-spec.fixture';
import { hashResetToken } from '../../domain/reset-link.aggregate';
import { InMemoryResetLinkRepository } from '../../infrastructure/reset-link.in-memory-repository';
import { IssueResetLinkCommand } from './issue-reset-link.command';
import { IssueResetLinkHandler } from './issue-reset-link.handler';

describe('IssueResetLinkHandler', () => {
  it('answers a link with a random token, stores only its hash, valid 24 hours; the user is untouched', async () => {
    const kit = directory();
    const links = new InMemoryResetLinkRepository();
    const issue = () =>
      new IssueResetLinkHandler(kit.uow, kit.users, links).execute(
        IssueResetLinkCommand.create({ user: caller, userId: ids.instructor }),
      );
    const first = await issue();
    const second = await issue();
    const token = new URL(first.link, 'http://x').searchParams.get('token')!;
    expect(first.link).toMatch(/^\/reset-password\?token=[A-Za-z0-9_-]{43}$/);
    expect(second.link).not.toBe(first.link);
    const [row] = [...links.rows.values()];
    expect(row).toMatchObject({
      userId: ids.instructor,
      tokenHash: hashResetToken(token),
      issuedBy: ids.admin,
      usedAt: null,
    });
    expect(JSON.stringify([...links.rows.values()])).not.toContain(token);
    expect(row.expiresAt.getTime() - row.issuedAt.getTime()).toBe(24 * 3600_000);
    expect(first.expiresAt).toBe(row.expiresAt.toISOString());
    expect(kit.users.changes.events).toEqual([]);
  });

  it('answers 404 for a user that does not exist, storing nothing', async () => {
    const kit = directory();
    const links = new InMemoryResetLinkRepository();
    const e = await refusal(
      new IssueResetLinkHandler(kit.uow, kit.users, links).execute(
        IssueResetLinkCommand.create({ user: caller, userId: ids.nobody }),
      ),
    );
    expect([e.code, links.rows.size]).toEqual(['notFound', 0]);
  });
});
