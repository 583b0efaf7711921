import { TokenService } from '@ticketing/auth';
import { caller } from '../../../handler-spec.fixture';
import { IssueStreamTicketCommand } from './issue-stream-ticket.command';
import { IssueStreamTicketHandler } from './issue-stream-ticket.handler';

const tokens = new TokenService('t'.repeat(40));

describe('IssueStreamTicketHandler', () => {
  it('signs a ticket for that stream only, naming the caller and the issue time of the caller’s token', async () => {
    const user = { ...caller, sessionId: 'login-1', issuedAt: Date.now() - 60_000 };
    const before = Date.now();
    const issued = await new IssueStreamTicketHandler(tokens).execute(
      IssueStreamTicketCommand.create({ user, stream: '/api/v1/notify/stream' }),
    );
    const holder = tokens.verifyStreamTicket(issued.ticket, '/api/v1/notify/stream');
    expect(holder).toMatchObject({
      id: caller.id,
      role: 'admin',
      sessionId: 'login-1',
      issuedAt: user.issuedAt,
    });
    expect(new Date(issued.expiresAt).getTime()).toBeGreaterThan(before);
    expect(new Date(issued.expiresAt).getTime()).toBeLessThanOrEqual(before + 31_000);
    expect(() => tokens.verifyStreamTicket(issued.ticket, '/api/v1/ledger/stream')).toThrow(
      'the ticket is for another stream',
    );
    // Not a bearer token.
    expect(() => tokens.verify(issued.ticket)).toThrow('not an access token');
  });

  it('gives each ticket its own id', async () => {
    const handler = new IssueStreamTicketHandler(tokens);
    const ids = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const { ticket } = await handler.execute(
        IssueStreamTicketCommand.create({ user: caller, stream: '/api/v1/ledger/stream' }),
      );
      ids.add(tokens.verifyStreamTicket(ticket, '/api/v1/ledger/stream').ticketId);
    }
    expect(ids.size).toBe(3);
  });

  it('refuses what is not a path of this API before signing anything', () => {
    for (const stream of [
      'https://evil.example/api/v1/x',
      '/api/v1/../identity',
      '/api/v1/notify/stream?x=1',
      '',
    ])
      expect(() => IssueStreamTicketCommand.create({ user: caller, stream })).toThrow(/stream/);
  });
});
