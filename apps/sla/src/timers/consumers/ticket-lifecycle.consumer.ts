import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  EventEnvelope,
  TicketAssignedPayload,
  TicketEventBase,
  TicketEvents,
  TicketExtensionDecidedPayload,
  TicketPartReportedPayload,
  Topics,
} from '@ticketing/contracts';
import { EventConsumers, OutboxWriter } from '@ticketing/messaging';
import { EntityManager } from 'typeorm';
import { CalendarStore } from '../../calendars/infrastructure/calendar.store';
import { PolicyStore } from '../../policies/infrastructure/policy.store';
import { TimerTransaction } from '../engine/timer-transaction';

/**
 * Opens, stops, pauses and resumes timers as the ticket lifecycle moves (see docs/sla.md for the
 * table). Timers count from the event's occurredAt, so a late delivery does not shift deadlines.
 */
@Injectable()
export class TicketLifecycleConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly outbox: OutboxWriter,
    private readonly calendars: CalendarStore,
    private readonly policies: PolicyStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'ticket-lifecycle',
      topics: [Topics.Ticket],
      handle: (event, manager) => this.apply(event, manager),
    });
  }

  async apply(event: EventEnvelope<Record<string, unknown>>, m: EntityManager): Promise<void> {
    const p = event.payload as unknown as TicketEventBase;
    if (!event.type.startsWith('ticket.') || typeof p.ticketId !== 'string') return;
    await m.query(
      `INSERT INTO sla.tickets (ticket_id, number, enterprise_id, grid_id, category, urgency, status, lead_department_id, co_handler_department_ids, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
       ON CONFLICT (ticket_id) DO UPDATE SET number = EXCLUDED.number, enterprise_id = EXCLUDED.enterprise_id,
         grid_id = EXCLUDED.grid_id, category = EXCLUDED.category, urgency = EXCLUDED.urgency, status = EXCLUDED.status,
         lead_department_id = EXCLUDED.lead_department_id, co_handler_department_ids = EXCLUDED.co_handler_department_ids, updated_at = now()`,
      [
        p.ticketId,
        p.number ?? null,
        p.enterpriseId ?? null,
        p.gridId ?? null,
        String(p.category ?? 'other'),
        String(p.urgency ?? 'normal'),
        String(p.status ?? 'unknown'),
        p.leadDepartmentId ?? null,
        p.coHandlerDepartmentIds ?? [],
      ],
    );
    const tx = await new TimerTransaction(
      m,
      this.calendars,
      this.policies,
      { ticketId: p.ticketId, category: String(p.category), urgency: String(p.urgency) },
      Date.parse(event.occurredAt),
    ).load();
    await this.route(event.type, event.payload, tx);
    await tx.flush(this.outbox);
  }

  private async route(type: string, payload: Record<string, unknown>, tx: TimerTransaction): Promise<void> {
    const p = payload as unknown as TicketEventBase;
    const lead = p.leadDepartmentId;
    switch (type) {
      case TicketEvents.triageQueued:
        // The committee's own clock: no department answers for it.
        await tx.openTimer('triage', null);
        return;
      case TicketEvents.assigned: {
        const a = payload as unknown as TicketAssignedPayload;
        await tx.stopAll(['triage']);
        if (a.via === 'transfer') {
          // 首办负责制: the first handler's clocks end as 'transferred' and stay on record with their elapsed time.
          for (const t of [...tx.find('resolve'), ...tx.find('co_handler_report')]) {
            if (t.department_id === a.previousLeadDepartmentId) await tx.stop(t, 'transferred');
          }
          await tx.stopAll(['transfer_arbitration']);
          await tx.resume('transfer_pending');
          for (const t of tx.find('reply')) await tx.reassign(t, lead);
        }
        for (const t of tx.find('respond')) if (t.department_id !== lead) await tx.stop(t, 'transferred');
        if (lead) await tx.openTimer('respond', lead);
        return;
      }
      case TicketEvents.acknowledged:
        await tx.stopAll(['respond']);
        await tx.openTimer('resolve', lead);
        if (!tx.find('reply').length) await tx.openTimer('reply', lead);
        for (const co of p.coHandlerDepartmentIds ?? []) await tx.openTimer('co_handler_report', co);
        return;
      case TicketEvents.transferRequested:
        await tx.openTimer('transfer_arbitration', null);
        await tx.pause('transfer_pending');
        return;
      case TicketEvents.transferRejected:
        await tx.stopAll(['transfer_arbitration']);
        await tx.resume('transfer_pending');
        return;
      case TicketEvents.extensionRequested:
        await tx.pause('extension_pending');
        return;
      case TicketEvents.extensionDecided: {
        const d = payload as unknown as TicketExtensionDecidedPayload;
        await tx.resume('extension_pending');
        const newDue = d.approved && d.newDueAt ? Date.parse(d.newDueAt) : NaN;
        if (Number.isFinite(newDue)) for (const t of tx.find('resolve')) await tx.extend(t, newDue);
        return;
      }
      case TicketEvents.partReported: {
        const r = payload as unknown as TicketPartReportedPayload;
        for (const t of tx.find('co_handler_report', r.departmentId)) await tx.stop(t);
        return;
      }
      case TicketEvents.resolved:
        await tx.stopAll(['resolve', 'co_handler_report']);
        if (!tx.find('feedback').length) await tx.openTimer('feedback', null);
        return;
      case TicketEvents.replied:
        await tx.stopAll(['reply']);
        if (p.status === 'resolved' && !tx.find('feedback').length) await tx.openTimer('feedback', null);
        return;
      case TicketEvents.feedbackGiven:
      case TicketEvents.closed:
      case TicketEvents.withdrawn:
        await tx.stopAll();
        return;
      case TicketEvents.reopened:
        await tx.stopAll();
        if (lead) await tx.openTimer('respond', lead);
        return;
      default:
        return;
    }
  }
}
