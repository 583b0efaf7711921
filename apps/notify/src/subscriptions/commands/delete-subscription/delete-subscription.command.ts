import { Command } from '@ticketing/platform';
import { IsUUID } from 'class-validator';

export class DeleteSubscriptionCommand extends Command {
  @IsUUID() readonly id!: string;
}
