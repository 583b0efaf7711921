import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { Policy } from '../../domain/policy.aggregate';
import { PolicyRepository } from '../../domain/policy.repository';
import { CreatePolicyCommand, PolicySaved } from './create-policy.command';
import { policyNeighbours } from './policy-neighbours';

/** A new policy for a category × urgency (or the decisions'); it applies to timers opened from now on. */
@CommandHandler(CreatePolicyCommand)
export class CreatePolicyHandler implements ICommandHandler<CreatePolicyCommand, PolicySaved> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  execute(c: CreatePolicyCommand): Promise<PolicySaved> {
    return this.uow.transaction(async () => {
      const knownCalendars = await this.calendars.ids();
      await this.policies.lockWrites();
      const policy = Policy.create({
        id: newId(),
        name: c.name,
        nameEn: c.nameEn,
        subject: c.subject,
        category: c.category,
        urgency: c.urgency,
        definition: c.definition,
        createdBy: c.actorId,
        knownCalendars,
        coveredBy: await this.policies.activeInScope(c.subject, c.category, c.urgency),
        neighbours: await policyNeighbours(this.policies, this.calendars, knownCalendars),
      });
      await this.policies.save(policy);
      return { id: policy.id, version: policy.version };
    });
  }
}
