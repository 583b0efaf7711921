import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { expectVersion } from '@ticketing/platform';
import { assertOwnEnterprise } from '../../domain/sms-preference.aggregate';
import { SmsPreferenceRepository } from '../../domain/sms-preference.repository';
import { SmsPreferenceResponseDto } from '../../sms-preference.response.dto';
import { SetSmsPreferenceCommand } from './set-sms-preference.command';

/** An enterprise user turns SMS about its tickets off or on; the enterprise is the caller's own. */
@CommandHandler(SetSmsPreferenceCommand)
export class SetSmsPreferenceHandler implements ICommandHandler<
  SetSmsPreferenceCommand,
  SmsPreferenceResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly preferences: SmsPreferenceRepository,
  ) {}

  async execute(c: SetSmsPreferenceCommand): Promise<SmsPreferenceResponseDto> {
    const enterpriseId = assertOwnEnterprise(c.user);
    return this.uow.transaction(async () => {
      const preference = await this.preferences.lock(enterpriseId);
      expectVersion(preference.version, c.expectedVersion, 'the SMS choice');
      if (preference.set(c.enabled, c.user.id, new Date())) await this.preferences.save(preference);
      return SmsPreferenceResponseDto.of(preference);
    });
  }
}
