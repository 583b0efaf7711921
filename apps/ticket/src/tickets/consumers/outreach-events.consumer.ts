import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { OutreachEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import {
  SubmitFromVisitCommand,
  VisitInstructor,
  VisitProblem,
} from '../commands/submit-from-visit/submit-from-visit.command';

/** An instructor's visit (走访): the problems raised in it become tickets, in the inbox transaction. */
@Injectable()
export class OutreachEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'outreach-events',
      topics: [Topics.Outreach],
      handle: async (event) => {
        switch (event.type) {
          case OutreachEvents.visitRecorded: {
            const p = event.payload;
            if (!p.problems.length) return;
            await this.commands.execute(
              SubmitFromVisitCommand.create({
                visitId: p.visitId,
                enterpriseId: p.enterpriseId,
                instructor: VisitInstructor.of({
                  id: p.instructor.id,
                  name: p.instructor.name,
                  gridIds: p.instructor.gridIds,
                }),
                problems: p.problems.map((x) =>
                  VisitProblem.of({
                    index: x.index,
                    title: x.title,
                    description: x.description,
                    category: x.category,
                    urgency: x.urgency,
                    contactName: x.contact.name,
                    contactPhone: x.contact.phone,
                    location: x.location ?? null,
                    photos: x.photos,
                  }),
                ),
                causedBy: `${event.type}#${event.id}`,
              }),
            );
            return;
          }
        }
      },
    });
  }
}
