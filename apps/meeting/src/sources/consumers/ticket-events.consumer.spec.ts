import { CommandBus, ICommand } from '@nestjs/cqrs';
import { createEnvelope, DomainEvent, toDomainEvent } from '@ticketing/contracts';
import { EventConsumerDefinition, EventConsumers } from '@ticketing/messaging';
import { Correlation } from '@ticketing/observability';
import { RaiseCandidateCommand } from '../commands/raise-candidate/raise-candidate.command';
import { RecordTicketFactsCommand } from '../commands/record-ticket-facts/record-ticket-facts.command';
import { TicketEventsConsumer } from './ticket-events.consumer';

/** Keeps the definition instead of subscribing it. */
class CapturingConsumers extends EventConsumers {
  definition?: EventConsumerDefinition;
  constructor() {
    super('meeting', 'meeting', null!, null!, 1);
  }
  override async register<E>(def: EventConsumerDefinition<E & DomainEvent>): Promise<void> {
    this.definition = def as EventConsumerDefinition;
  }
}

/** Every command sent, with the correlation and causation it was sent under. */
class RecordingBus extends CommandBus {
  readonly sent: { command: ICommand; correlationId?: string; causationId?: string }[] = [];
  constructor() {
    super(null!, null!);
  }
  override async execute<T extends ICommand, R>(command: T): Promise<R> {
    this.sent.push({ command, correlationId: Correlation.id(), causationId: Correlation.causationId() });
    return undefined as R;
  }
}

const base = (ticketId: string, status: string) => ({
  ticketId,
  number: `CS-${ticketId}`,
  enterpriseId: 'ent-1',
  category: 'transport',
  urgency: 'normal',
  gridId: null,
  status,
  leadDepartmentId: 'dep-tr',
  coHandlerDepartmentIds: [],
});

function event(
  type: string,
  ticketId: string,
  version: number,
  payload: Record<string, unknown>,
): DomainEvent {
  const e = toDomainEvent(
    createEnvelope({
      type,
      aggregateId: ticketId,
      aggregateVersion: version,
      actor: { id: 'system', role: 'system' },
      payload,
    }),
  );
  if (!e) throw new Error(`${type}: not in the catalogue`);
  return e;
}

const supervised = (ticketId: string, version: number, level: string) =>
  event('ticket.supervised', ticketId, version, {
    ...base(ticketId, 'in_progress'),
    level,
    note: '提交联席会议',
  });
const acknowledged = (ticketId: string, version: number) =>
  event('ticket.acknowledged', ticketId, version, {
    ...base(ticketId, 'in_progress'),
    departmentId: 'dep-tr',
    reason: '签收',
  });

async function consumer() {
  const consumers = new CapturingConsumers();
  const bus = new RecordingBus();
  await new TicketEventsConsumer(consumers, bus).onModuleInit();
  return { def: consumers.definition!, bus };
}

describe('TicketEventsConsumer', () => {
  const events = [
    acknowledged('t-1', 3),
    supervised('t-2', 4, 'joint_meeting'),
    acknowledged('t-2', 5),
    supervised('t-1', 4, 'urge'),
    supervised('t-3', 2, 'joint_meeting'),
  ];

  it('keeps a batch’s copies with one command, then raises candidates event by event under each one’s correlation', async () => {
    const { def, bus } = await consumer();
    // As the inbox runs handleMany: under the first event's correlation.
    await Correlation.run(events[0].correlationId, () => def.handleMany!(events), events[0].id);

    expect(bus.sent.map((s) => s.command.constructor)).toEqual([
      RecordTicketFactsCommand,
      RaiseCandidateCommand,
      RaiseCandidateCommand,
    ]);
    const [facts, ...candidates] = bus.sent;
    expect(
      (facts.command as RecordTicketFactsCommand).facts.map((f) => [f.ticketId, f.sourceVersion]),
    ).toEqual([
      ['t-1', 3],
      ['t-2', 4],
      ['t-2', 5],
      ['t-1', 4],
      ['t-3', 2],
    ]);
    expect(candidates).toEqual([
      {
        command: expect.objectContaining({ ticketId: 't-2', reason: 'supervision' }),
        correlationId: events[1].correlationId,
        causationId: events[1].id,
      },
      {
        command: expect.objectContaining({ ticketId: 't-3', reason: 'supervision' }),
        correlationId: events[4].correlationId,
        causationId: events[4].id,
      },
    ]);
  });

  it('sends the same for one event as for a batch of one', async () => {
    const one = await consumer();
    const many = await consumer();
    for (const e of events) {
      await Correlation.run(e.correlationId, () => one.def.handle(e), e.id);
      await Correlation.run(e.correlationId, () => many.def.handleMany!([e]), e.id);
    }
    expect(one.bus.sent).toEqual(many.bus.sent);
    expect(one.bus.sent).toHaveLength(events.length + 2);
  });
});
