import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryAgendaSources } from '../../infrastructure/agenda-sources.in-memory-repository';
import { RaiseCandidateCommand } from './raise-candidate.command';
import { RaiseCandidateHandler } from './raise-candidate.handler';

describe('RaiseCandidateHandler', () => {
  it('makes an escalated ticket a pending candidate, until its ticket is closed', async () => {
    const sources = new InMemoryAgendaSources();
    const h = new RaiseCandidateHandler(new InlineUnitOfWork(), sources);
    await h.execute(
      RaiseCandidateCommand.create({
        ticketId: 't-1',
        reason: 'escalation',
        at: new Date('2026-03-01'),
        note: '',
      }),
    );
    await h.execute(
      RaiseCandidateCommand.create({
        ticketId: 't-1',
        reason: 'supervision',
        at: new Date('2026-02-01'),
        note: '旧',
      }),
    );
    expect(sources.candidates.get('t-1')).toMatchObject({ reason: 'escalation' });
    expect(await sources.isPendingCandidate('t-1')).toBe(true);
    await sources.applyTickets([
      {
        ticketId: 't-1',
        number: 'CS-2026-000001',
        enterpriseId: 'ent-1',
        leadDepartmentId: 'dep-1',
        coHandlerDepartmentIds: [],
        status: 'closed',
        sourceVersion: 9,
      },
    ]);
    expect(await sources.isPendingCandidate('t-1')).toBe(false);
  });

  it('refuses a reason it does not know', () => {
    expect(() =>
      RaiseCandidateCommand.create({
        ticketId: 't-1',
        reason: 'gossip' as 'escalation',
        at: new Date(),
        note: '',
      }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
