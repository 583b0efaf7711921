import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { OutreachEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { RecordNeedFactCommand } from '../commands/record-need-fact/record-need-fact.command';

/** Keeps a copy of the enterprises' needs (需求清单), so the committee can put one on an agenda by id. */
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
        const asOf = new Date(event.occurredAt);
        switch (event.type) {
          case OutreachEvents.needAdded: {
            const p = event.payload;
            await this.commands.execute(
              RecordNeedFactCommand.create({
                needId: p.needId,
                enterpriseId: p.enterpriseId,
                kind: p.kind,
                status: p.status,
                ownerDepartmentId: p.ownerDepartmentId ?? null,
                asOf,
                title: p.title.slice(0, 500),
                enterpriseName: p.enterpriseName.slice(0, 500),
              }),
            );
            return;
          }
          case OutreachEvents.needUpdated: {
            const p = event.payload;
            await this.commands.execute(
              RecordNeedFactCommand.create({
                needId: p.needId,
                enterpriseId: p.enterpriseId,
                kind: p.kind,
                status: p.status,
                ownerDepartmentId: p.ownerDepartmentId ?? null,
                asOf,
              }),
            );
            return;
          }
        }
      },
    });
  }
}
