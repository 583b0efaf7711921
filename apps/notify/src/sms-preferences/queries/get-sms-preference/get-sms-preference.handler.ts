import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { assertOwnEnterprise } from '../../domain/sms-preference.aggregate';
import { SmsPreferenceRepository } from '../../domain/sms-preference.repository';
import { SmsPreferenceResponseDto } from '../../sms-preference.response.dto';
import { GetSmsPreferenceQuery } from './get-sms-preference.query';

@QueryHandler(GetSmsPreferenceQuery)
export class GetSmsPreferenceHandler implements IQueryHandler<
  GetSmsPreferenceQuery,
  SmsPreferenceResponseDto
> {
  constructor(private readonly preferences: SmsPreferenceRepository) {}

  async execute(q: GetSmsPreferenceQuery): Promise<SmsPreferenceResponseDto> {
    return SmsPreferenceResponseDto.of(await this.preferences.get(assertOwnEnterprise(q.user)));
  }
}
