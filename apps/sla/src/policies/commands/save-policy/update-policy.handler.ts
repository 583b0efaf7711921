import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { PolicyRepository } from '../../domain/policy.repository';
import { PolicySaved } from './create-policy.command';
import { policyNeighbours } from './policy-neighbours';
import { UpdatePolicyCommand } from './update-policy.command';

/**
 * An edit writes a new version and retires the one before in one transaction; the open timers
 * under the policy are recomputed in the background (a job committed with it). The same name and
 * definition again change nothing.
 */
@CommandHandler(UpdatePolicyCommand)
export class UpdatePolicyHandler implements ICommandHandler<UpdatePolicyCommand, PolicySaved> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly policies: PolicyRepository,
    private readonly calendars: CalendarRepository,
  ) {}

  execute(c: UpdatePolicyCommand): Promise<PolicySaved> {
    return this.uow.transaction(async () => {
      await this.policies.lockWrites();
      const policy = await this.policies.lockActive(c.policyId);
      if (!policy) throw notFound('policy', c.policyId);
      const knownCalendars = await this.calendars.ids();
      const changed = policy.revise({
        expectedVersion: c.expectedVersion,
        name: c.name,
        nameEn: c.nameEn,
        definition: c.definition,
        by: c.actorId,
        knownCalendars,
        neighbours: await policyNeighbours(this.policies, this.calendars, knownCalendars),
      });
      if (changed) await this.policies.save(policy);
      return { id: policy.id, version: policy.version };
    });
  }
}
