import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SlaEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { RecordDecisionClockCommand } from '../../decisions/commands/record-decision-clock/record-decision-clock.command';
import { RaiseCandidateCommand } from '../commands/raise-candidate/raise-candidate.command';

/**
 * What the SLA engine tells the meeting service: a ticket's escalation ladder reached the joint
 * meeting (an agenda candidate), and, for a decision's clock (subject `decision`, keyed by the
 * decision), its deadline, its yellow and red flags and its ladder's step, kept on the decision.
 */
@Injectable()
export class SlaEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'sla-events',
      topics: [Topics.Sla],
      // Not the timers' stops and pauses, the most frequent of the topic: a meeting acts on none.
      types: [SlaEvents.escalated, SlaEvents.deadlineSet, SlaEvents.warning, SlaEvents.breached],
      handle: async (event) => {
        switch (event.type) {
          case SlaEvents.escalated: {
            const p = event.payload;
            if (p.subject === 'decision') {
              await this.clock(p.ticketId, { escalation: p.step });
            } else if (p.step === 'joint_meeting') {
              await this.commands.execute(
                RaiseCandidateCommand.create({
                  ticketId: p.ticketId,
                  reason: 'escalation',
                  at: new Date(event.occurredAt),
                  note: '',
                }),
              );
            }
            return;
          }
          case SlaEvents.deadlineSet:
            if (event.payload.subject !== 'decision') return;
            return this.clock(event.payload.ticketId, {
              dueAt: event.payload.dueAt ? new Date(event.payload.dueAt) : null,
            });
          case SlaEvents.warning:
            if (event.payload.subject !== 'decision') return;
            return this.clock(event.payload.ticketId, { flag: 'yellow' });
          case SlaEvents.breached:
            if (event.payload.subject !== 'decision') return;
            return this.clock(event.payload.ticketId, { flag: 'red' });
        }
      },
    });
  }

  private async clock(
    decisionId: string,
    fact: { dueAt?: Date | null; flag?: 'yellow' | 'red'; escalation?: string },
  ): Promise<void> {
    await this.commands.execute(RecordDecisionClockCommand.create({ decisionId, ...fact }));
  }
}
