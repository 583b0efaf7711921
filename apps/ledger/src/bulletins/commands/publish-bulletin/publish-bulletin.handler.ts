import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BulletinPublishedPayload, DomainError, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { invalidField } from '@ticketing/platform';
import { periodOf } from '../../../shared/period';
import { Bulletin } from '../../domain/bulletin.aggregate';
import { BulletinRepository, BulletinSource } from '../../domain/bulletin.repository';
import { PublishBulletinCommand } from './publish-bulletin.command';

/**
 * Freezes the period's ranking and overdue list into a bulletin, chains it and hands it to notify,
 * in one unit of work; the chain is held from the check that none exists for the period to the
 * save, so two publishers of one period cannot both succeed.
 */
@CommandHandler(PublishBulletinCommand)
export class PublishBulletinHandler implements ICommandHandler<
  PublishBulletinCommand,
  BulletinPublishedPayload
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly bulletins: BulletinRepository,
    private readonly source: BulletinSource,
  ) {}

  async execute(c: PublishBulletinCommand): Promise<BulletinPublishedPayload> {
    if (c.user.role !== 'committee')
      throw new DomainError('forbidden', 'only the committee publishes bulletins', { role: c.user.role });
    const period = periodOf(c.period);
    if (!period) throw invalidField('period', 'must be a month, a quarter or a year');
    return this.uow.transaction(async () => {
      const existing = await this.bulletins.lockPeriod(period);
      const bulletin = Bulletin.publish({
        bulletinId: newId(),
        period,
        existingBulletinId: existing,
        source: existing
          ? { ranking: [], overdue: [], overdueTotal: 0, departmentIds: [], formula: '' }
          : await this.source.read(period),
        publishedBy: { id: c.user.id, name: c.user.name || c.user.id, role: c.user.role },
        now: new Date(),
      });
      await this.bulletins.save(bulletin);
      return bulletin.payload;
    });
  }
}
