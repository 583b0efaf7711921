import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Clock, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { notFound, takenValue } from '@ticketing/platform';
import { Enterprise } from '../../../enterprises/domain/enterprise.aggregate';
import { EnterpriseRepository } from '../../../enterprises/domain/enterprise.repository';
import { actorOf } from '../../../shared/actor';
import { User } from '../../../users/domain/user.aggregate';
import { UserRepository } from '../../../users/domain/user.repository';
import { RegistrationRepository } from '../../domain/registration.repository';
import { onPendingConflict } from '../../registration.conflicts';
import { RegistrationResponseDto } from '../../registration.response.dto';
import { ApproveRegistrationCommand } from './approve-registration.command';

/**
 * Approval creates the enterprise profile and its first user through the same aggregates the admin's
 * create uses (directory.enterprise-upserted and directory.user-upserted, audited as the reviewer's
 * act), in the transaction that marks the application approved. The user logs in with the password
 * chosen when applying, and is not asked to change it.
 */
@CommandHandler(ApproveRegistrationCommand)
export class ApproveRegistrationHandler implements ICommandHandler<
  ApproveRegistrationCommand,
  RegistrationResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly registrations: RegistrationRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly users: UserRepository,
  ) {}

  async execute(c: ApproveRegistrationCommand): Promise<RegistrationResponseDto> {
    let asked = { creditCode: '', username: '' };
    try {
      return await this.uow.transaction(async () => {
        const registration = await this.registrations.findByIdForUpdate(c.registrationId);
        if (!registration) throw notFound('registration', c.registrationId);
        const r = registration.state;
        asked = { creditCode: r.creditCode, username: r.username };
        const actor = actorOf(c.user);
        const now = Clock.now();
        const ids = { enterpriseId: newId(), userId: newId() };
        const passwordHash = registration.approve(ids, actor, now);
        // Someone may have been created by the admin meanwhile.
        if (await this.enterprises.creditCodeTaken(r.creditCode))
          throw takenValue(
            'creditCode',
            `an enterprise with credit code ${r.creditCode} is already registered`,
          );
        if (await this.users.usernameTaken(r.username))
          throw takenValue('username', `the username ${r.username} is taken`);
        const because = { registrationId: registration.id };
        const enterprise = Enterprise.register(
          {
            id: ids.enterpriseId,
            name: r.enterpriseName,
            creditCode: r.creditCode,
            industry: null,
            address: null,
            gridId: null,
            contacts: [{ name: r.contactName, phone: r.phone }],
            active: true,
          },
          actor,
          now,
          { ...because, name: r.enterpriseName, creditCode: r.creditCode },
        );
        await this.enterprises.save(enterprise);
        const user = User.register(
          {
            id: ids.userId,
            username: r.username,
            displayName: r.contactName,
            role: 'enterprise',
            scope: { enterpriseId: enterprise.id, departmentId: null, gridIds: [] },
            mobile: r.phone,
            email: null,
            passwordHash,
          },
          actor,
          now,
          { ...because, username: r.username, role: 'enterprise', enterpriseId: enterprise.id },
        );
        // The applicant chose this password: no change is forced at the first login.
        user.changePassword(passwordHash, now);
        await this.users.save(user);
        await this.registrations.save(registration);
        return RegistrationResponseDto.from(registration.state);
      });
    } catch (e) {
      throw onPendingConflict(e, asked);
    }
  }
}
