import { Command } from '@ticketing/platform';
import { IsObject } from 'class-validator';
import { BulletinPublishedEvent } from '../../domain/bulletin-message';

/** A bulletin the ledger published, as received (its payload already checked against its class). */
export class DeliverBulletinCommand extends Command {
  @IsObject() readonly event!: BulletinPublishedEvent;
}
