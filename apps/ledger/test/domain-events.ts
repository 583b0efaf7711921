import { createEnvelope, DomainEvent, toDomainEvent } from '@ticketing/contracts';

/**
 * Events as the other services publish them, checked against the event catalogue like the ledger's
 * consumer checks what it receives: what a handler spec hands the handler is what it would get.
 */
export class TicketEvents {
  private version = 0;
  private clock: Date;
  lead: string | null = null;

  constructor(
    readonly ticketId: string,
    start = new Date('2026-03-02T01:00:00Z'),
    readonly category = 'labour',
  ) {
    this.clock = start;
  }

  after(hours: number): this {
    this.clock = new Date(this.clock.getTime() + hours * 3600_000);
    return this;
  }

  private event(type: string, payload: Record<string, unknown>, role: 'department' | 'system' = 'system') {
    return checked(
      createEnvelope({
        type,
        aggregateId: this.ticketId,
        aggregateVersion: ++this.version,
        actor: { id: role === 'system' ? 'system' : `u-${this.lead}`, role },
        occurredAt: this.clock,
        payload,
      }),
    );
  }

  private ticket(type: string, status: string, extra: Record<string, unknown> = {}): DomainEvent {
    return this.event(type, {
      ticketId: this.ticketId,
      number: `CS-2026-${this.ticketId.slice(-6).padStart(6, '0')}`,
      status,
      enterpriseId: 'ent-1',
      category: this.category,
      urgency: 'normal',
      gridId: 'grid-1',
      leadDepartmentId: this.lead,
      coHandlerDepartmentIds: [],
      ...extra,
    });
  }

  submitted(): DomainEvent {
    return this.ticket('ticket.submitted', 'submitted', {
      enterpriseName: '六枝宏达机械有限公司',
      submittedBy: { id: 'u-ent', role: 'enterprise' },
      title: '招工难',
      description: '缺少熟练焊工',
      location: null,
      contact: { name: '张三', phone: '13800000000' },
      attachments: [],
      submittedAt: this.clock.toISOString(),
    });
  }

  assigned(lead: string, via: 'rule' | 'manual' | 'transfer' = 'rule'): DomainEvent {
    const previous = this.lead;
    this.lead = lead;
    return this.ticket('ticket.assigned', 'assigned', {
      via,
      ruleId: null,
      previousLeadDepartmentId: previous,
      firstHandlerDepartmentId: previous ?? lead,
    });
  }

  acknowledged(): DomainEvent {
    return this.ticket('ticket.acknowledged', 'in_progress', { departmentId: this.lead, reason: '' });
  }

  resolved(): DomainEvent {
    return this.ticket('ticket.resolved', 'resolved', {
      departmentId: this.lead,
      result: '已办结',
      evidence: [],
    });
  }

  deadlineSet(kind: 'respond' | 'resolve' | 'reply', dueInHours: number): DomainEvent {
    return this.event('sla.deadline-set', {
      ticketId: this.ticketId,
      timerId: `${this.ticketId}-${kind}`,
      kind,
      departmentId: this.lead,
      dueAt: new Date(this.clock.getTime() + dueInHours * 3600_000).toISOString(),
      policyId: 'p-1',
      policyVersion: 1,
      reason: 'opened',
    });
  }
}

export function departmentUpserted(id: string, name: string): DomainEvent {
  return checked(
    createEnvelope({
      type: 'directory.department-upserted',
      aggregateId: id,
      aggregateVersion: 1,
      actor: { id: 'u-admin', role: 'admin' },
      payload: { id, code: id, name, nameEn: null, active: true },
    }),
  );
}

function checked(envelope: ReturnType<typeof createEnvelope>): DomainEvent {
  const event = toDomainEvent(envelope);
  if (!event) throw new Error(`${envelope.type} is not in the event catalogue`);
  return event;
}
