import {
  DispatchEvents,
  DispatchTriageNeededPayload,
  EventEnvelope,
  SYSTEM_ACTOR,
  TicketSubmittedPayload,
} from '@ticketing/contracts';
import { OutboxWriter } from '@ticketing/messaging';
import { EntityManager } from 'typeorm';
import { loadActiveDepartmentIds } from '../../departments/infrastructure/department-directory';
import { RuleEngine } from '../../rules/domain/rule-engine';
import { loadOrderedRules, toRoutingRule } from '../../rules/infrastructure/routing-rule.repository';
import { decideTicket, emitForTicket } from '../application/dispatch-outbox';
import { DispatchTicketOrmEntity } from '../infrastructure/dispatch-ticket.orm-entity';
import { appendHistory } from '../infrastructure/ticket-history';

function requireText(p: Record<string, unknown>, field: string): string {
  const v = p[field];
  if (typeof v !== 'string' || !v) throw new Error(`ticket.submitted without ${field}`);
  return v;
}

/**
 * 党委响应: the rules route a new ticket, or it waits for a person in the triage queue. Either way
 * exactly one decision event leaves, in the inbox transaction.
 */
export async function onTicketSubmitted(
  event: EventEnvelope<Record<string, unknown>>,
  manager: EntityManager,
  outbox: OutboxWriter,
  engine: RuleEngine,
): Promise<void> {
  const raw = event.payload;
  for (const f of ['ticketId', 'number', 'enterpriseId', 'category']) requireText(raw, f);
  const p = raw as unknown as TicketSubmittedPayload;
  // A ticket re-announced under a new event id must not be routed twice.
  if (
    await manager.findOne(DispatchTicketOrmEntity, {
      where: { ticketId: p.ticketId },
      lock: { mode: 'pessimistic_write' },
    })
  ) {
    return;
  }
  const now = new Date();
  const ticket = manager.create(DispatchTicketOrmEntity, {
    ticketId: p.ticketId,
    number: p.number,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName ?? null,
    title: p.title ?? '',
    description: p.description ?? '',
    category: p.category,
    urgency: p.urgency ?? null,
    gridId: p.gridId ?? null,
    submittedAt: new Date(p.submittedAt ?? event.occurredAt),
    status: 'triage',
    leadDepartmentId: null,
    coHandlerDepartmentIds: [],
    firstHandlerDepartmentId: null,
    decidedVia: null,
    ruleId: null,
    ruleVersion: null,
    explanation: null,
    decidedAt: null,
    decidedBy: null,
    eventsEmitted: 0,
    updatedAt: now,
  });
  await appendHistory(manager, {
    ticketId: p.ticketId,
    kind: 'submitted',
    at: new Date(event.occurredAt),
    actor: event.actor,
    details: { number: p.number, category: p.category, title: ticket.title },
  });

  const rules = (await loadOrderedRules(manager)).map(toRoutingRule);
  const result = engine.route(
    {
      title: ticket.title ?? '',
      description: ticket.description ?? '',
      category: p.category,
      gridId: ticket.gridId,
      enterpriseId: p.enterpriseId,
    },
    rules,
  );
  const active = await loadActiveDepartmentIds(manager);
  const match = result.match;
  const routable =
    match &&
    [match.rule.decision.leadDepartmentId, ...match.rule.decision.coHandlerDepartmentIds].every((id) =>
      active.has(id),
    );
  if (match && routable) {
    await decideTicket(
      manager,
      outbox,
      ticket,
      {
        leadDepartmentId: match.rule.decision.leadDepartmentId,
        coHandlerDepartmentIds: match.rule.decision.coHandlerDepartmentIds,
        via: 'rule',
        ruleId: match.rule.id,
        ruleVersion: match.rule.version,
        explanation: match.explanation,
      },
      SYSTEM_ACTOR,
      now,
    );
    return;
  }
  // A department deactivated after the rule was written cannot receive tickets; a person decides.
  const explanation = match
    ? `${match.explanation}; but a department it names is no longer active, so the ticket goes to the committee's triage queue`
    : result.explanation;
  ticket.explanation = explanation;
  const payload: DispatchTriageNeededPayload = { ticketId: ticket.ticketId, explanation };
  await emitForTicket(manager, outbox, ticket, DispatchEvents.triageNeeded, payload, SYSTEM_ACTOR);
  await manager.save(DispatchTicketOrmEntity, ticket);
  await appendHistory(manager, {
    ticketId: ticket.ticketId,
    kind: 'triage-queued',
    at: now,
    actor: SYSTEM_ACTOR,
    details: { explanation },
  });
}
