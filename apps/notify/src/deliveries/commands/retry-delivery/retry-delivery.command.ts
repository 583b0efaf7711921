import { Command } from '@ticketing/platform';
import { IsUUID } from 'class-validator';

export class RetryDeliveryCommand extends Command {
  @IsUUID() readonly id!: string;
}
