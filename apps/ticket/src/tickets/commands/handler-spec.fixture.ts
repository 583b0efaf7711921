import { AuthUser } from '@ticketing/auth';
import { Actor, DomainError, TicketStatus } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import pino from 'pino';
import { Ticket } from '../domain/ticket.aggregate';
import { InMemoryTicketRepository } from '../infrastructure/ticket.in-memory-repository';
import { InMemoryTicketDeadlines } from '../infrastructure/ticket-support.in-memory-repository';
import { SystemChangeRunner } from '../system-change.runner';
import { TicketActionRunner } from '../ticket-action.runner';

/** The people of the handler specs: one of each party to a ticket, and someone unrelated. */
export const people = {
  enterprise: { id: 'u-ent', role: 'enterprise', name: '企业', enterpriseId: 'ent-1' } as AuthUser,
  otherEnterprise: { id: 'u-ent-2', role: 'enterprise', name: '别家企业', enterpriseId: 'ent-2' } as AuthUser,
  lead: { id: 'u-lead', role: 'department', name: '人社局', departmentId: 'dep-lead' } as AuthUser,
  coHandler: { id: 'u-co', role: 'department', name: '工信局', departmentId: 'dep-co' } as AuthUser,
  otherDepartment: { id: 'u-dep-3', role: 'department', name: '税务局', departmentId: 'dep-3' } as AuthUser,
  committee: { id: 'u-com', role: 'committee', name: '综合党委' } as AuthUser,
};
const actor = (u: AuthUser): Actor => ({ id: u.id, role: u.role });
const system: Actor = { id: 'system', role: 'system' };
export const TICKET_ID = '0190f1f0-0000-7000-8000-0000000000a1';
/** A second ticket, of another enterprise (duplicates, links). */
export const OTHER_ID = '0190f1f0-0000-7000-8000-0000000000a2';
export const NOW = new Date('2026-03-02T02:00:00Z');

/** Brings a ticket to `status` through its own methods, as real use would. */
export function ticketIn(
  status: TicketStatus,
  opts: { coHandler?: boolean; id?: string; number?: string; enterpriseId?: string } = {},
): Ticket {
  const t = Ticket.submit({
    id: opts.id ?? TICKET_ID,
    number: opts.number ?? 'CS-2026-000001',
    enterpriseId: opts.enterpriseId ?? 'ent-1',
    enterpriseName: '六枝机械厂',
    gridId: 'grid-1',
    submittedBy: { id: people.enterprise.id, role: 'enterprise' },
    title: '厂区停水三天',
    description: '二号门水管破裂，厂区停水三天。',
    category: 'utilities',
    urgency: 'urgent',
    location: '二号门',
    contact: { name: '张三', phone: '13800138000' },
    attachments: [],
    at: NOW,
  });
  if (status === 'submitted') return t;
  if (status === 'triage') {
    t.queueTriage(system, 'no rule matched', NOW);
    return t;
  }
  t.assign(
    system,
    {
      leadDepartmentId: 'dep-lead',
      coHandlerDepartmentIds: opts.coHandler ? ['dep-co'] : [],
      via: 'rule',
      ruleId: 'rule-1',
      explanation: 'category utilities',
    },
    NOW,
  );
  if (status === 'assigned') return t;
  if (status === 'withdrawn') {
    t.withdraw(actor(people.enterprise), 'solved it ourselves', NOW);
    return t;
  }
  t.acknowledge(actor(people.lead), null, NOW);
  if (status === 'in_progress') return t;
  if (status === 'transfer_requested') {
    t.requestTransfer(actor(people.lead), 'not ours: water mains are the utility’s', NOW);
    return t;
  }
  t.resolve(actor(people.lead), { result: '已抢修，恢复供水。', evidence: [] }, NOW);
  t.reply(actor(people.lead), '水管已修复，今晨恢复供水。', NOW);
  if (status === 'resolved') return t;
  t.giveFeedback(
    actor(people.enterprise),
    { contacted: true, solved: false, satisfaction: 'unsatisfied', comment: null },
    NOW,
  );
  if (status === 'reopened') {
    t.reopen(actor(people.enterprise), '又停水了', 2, NOW);
    return t;
  }
  t.close(actor(people.enterprise), null, NOW);
  return t;
}

/** A unit of work, the tickets and the runners, all in memory. */
export function handlerSpecKit(seed?: Ticket, ...more: Ticket[]) {
  const uow = new InlineUnitOfWork();
  const tickets = new InMemoryTicketRepository();
  const deadlines = new InMemoryTicketDeadlines((id) => !!tickets.get(id));
  for (const t of [seed, ...more]) if (t) tickets.seed(t);
  const runner = new TicketActionRunner(uow, tickets);
  const systemRunner = new SystemChangeRunner(runner, pino({ level: 'silent' }));
  const version = () => tickets.get(TICKET_ID)!.version;
  return { uow, tickets, deadlines, runner, systemRunner, version };
}

/** The DomainError a promise rejects with (fails the spec when it resolves or throws something else). */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}
