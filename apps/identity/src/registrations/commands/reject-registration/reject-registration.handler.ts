import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { actorOf } from '../../../shared/actor';
import { RegistrationRepository } from '../../domain/registration.repository';
import { RegistrationResponseDto } from '../../registration.response.dto';
import { RejectRegistrationCommand } from './reject-registration.command';

/** A rejected application keeps its reason; the credit code and the username are free again. */
@CommandHandler(RejectRegistrationCommand)
export class RejectRegistrationHandler implements ICommandHandler<
  RejectRegistrationCommand,
  RegistrationResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly registrations: RegistrationRepository,
  ) {}

  execute(c: RejectRegistrationCommand): Promise<RegistrationResponseDto> {
    return this.uow.transaction(async () => {
      const registration = await this.registrations.findByIdForUpdate(c.registrationId);
      if (!registration) throw notFound('registration', c.registrationId);
      registration.reject(c.reason, actorOf(c.user), Clock.now());
      await this.registrations.save(registration);
      return RegistrationResponseDto.from(registration.state);
    });
  }
}
