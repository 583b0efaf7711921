import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { takenValue } from '@ticketing/platform';
import { PasswordHasher } from '../../../auth/domain/password-hasher';
import { EnterpriseRepository } from '../../../enterprises/domain/enterprise.repository';
import { UserRepository } from '../../../users/domain/user.repository';
import { Registration } from '../../domain/registration.aggregate';
import { RegistrationRepository } from '../../domain/registration.repository';
import { RegistrationResponseDto } from '../../registration.response.dto';
import { onPendingConflict } from '../../registration.conflicts';
import { SubmitRegistrationCommand } from './submit-registration.command';

/**
 * An application waits for review; nothing else changes. A credit code already registered (or
 * already applied for) and a username already taken (or already asked for) are 409s on the field.
 */
@CommandHandler(SubmitRegistrationCommand)
export class SubmitRegistrationHandler implements ICommandHandler<
  SubmitRegistrationCommand,
  RegistrationResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly registrations: RegistrationRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute(c: SubmitRegistrationCommand): Promise<RegistrationResponseDto> {
    // Hash before the transaction: scrypt is slow on purpose.
    const passwordHash = await this.hasher.hash(c.password);
    try {
      return await this.uow.transaction(async () => {
        if (await this.enterprises.creditCodeTaken(c.creditCode))
          throw takenValue(
            'creditCode',
            `an enterprise with credit code ${c.creditCode} is already registered`,
          );
        if (await this.registrations.pendingWithCreditCode(c.creditCode))
          throw takenValue(
            'creditCode',
            `an application for credit code ${c.creditCode} is already waiting for review`,
          );
        if (
          (await this.users.usernameTaken(c.username)) ||
          (await this.registrations.pendingWithUsername(c.username))
        )
          throw takenValue('username', `the username ${c.username} is taken`);
        const registration = Registration.submit(
          {
            id: newId(),
            enterpriseName: c.enterpriseName,
            creditCode: c.creditCode,
            contactName: c.contactName,
            phone: c.phone,
            username: c.username,
            passwordHash,
          },
          new Date(),
        );
        await this.registrations.save(registration);
        return RegistrationResponseDto.from(registration.state);
      });
    } catch (e) {
      throw onPendingConflict(e, c);
    }
  }
}
