import { Inject, Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { NOTIFY_SETTINGS, NotifySettings } from '../../../notify.env';
import { fieldProblem } from '../../../shared/problems';
import { buildSubscription, SubscriptionDefinition } from '../../domain/subscription';
import { SubscriptionRepository } from '../../infrastructure/subscription.repository';
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { SubscriptionRequestDto } from './create-subscription.request.dto';

/** The request checked against the channel's rules and this server's settings; a 400 naming every field otherwise. */
export function definitionFrom(
  dto: SubscriptionRequestDto,
  settings: NotifySettings,
): SubscriptionDefinition {
  const built = buildSubscription(dto, { allowHttp: settings.allowHttp, emailAvailable: !!settings.smtpUrl });
  if (!built.ok) throw fieldProblem(built.problems);
  return built.value;
}

@Injectable()
export class CreateSubscriptionHandler {
  constructor(
    private readonly repo: SubscriptionRepository,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async execute(dto: SubscriptionRequestDto, user: AuthUser): Promise<SubscriptionResponseDto> {
    return SubscriptionResponseDto.of(await this.repo.create(definitionFrom(dto, this.settings), user.id));
  }
}
