import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@ticketing/contracts';
import { NOTIFY_SETTINGS, NotifySettings } from '../../../notify.env';
import { notFound } from '../../../shared/problems';
import { SubscriptionRepository } from '../../infrastructure/subscription.repository';
import { SubscriptionResponseDto } from '../../subscription.response.dto';
import { definitionFrom } from '../create-subscription/create-subscription.handler';
import { ReplaceSubscriptionRequestDto } from './replace-subscription.request.dto';

/** Replaces a whole definition (e.g. a new robot key after a leak). Deliveries already queued keep their message and use the new target. */
@Injectable()
export class ReplaceSubscriptionHandler {
  constructor(
    private readonly repo: SubscriptionRepository,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  async execute(id: string, dto: ReplaceSubscriptionRequestDto): Promise<SubscriptionResponseDto> {
    const { expectedVersion, ...rest } = dto;
    const current = await this.repo.get(id);
    if (!current) throw notFound('subscription', id);
    // A secret is never shown, so a client that did not retype it means "keep it" (on the same channel).
    const kept = rest.channel === current.channel ? (current.secret ?? undefined) : undefined;
    const definition = definitionFrom({ ...rest, secret: rest.secret ?? kept }, this.settings);
    const result = await this.repo.replace(id, definition, expectedVersion);
    if (result === null) throw notFound('subscription', id);
    if (result === 'stale') {
      throw new DomainError('versionConflict', `subscription ${id} was changed meanwhile; reload and retry`, {
        currentVersion: current.version,
      });
    }
    return SubscriptionResponseDto.of(result);
  }
}
