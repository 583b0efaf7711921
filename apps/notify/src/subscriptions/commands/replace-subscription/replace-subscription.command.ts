import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { SubscriptionFields } from '../create-subscription/create-subscription.command';

export class ReplaceSubscriptionCommand extends SubscriptionFields {
  @IsUUID() readonly id!: string;
  /** The version the admin saw; absent: replace whatever is there. */
  @IsOptional() @IsInt() @Min(1) @Max(2147483647) readonly expectedVersion?: number;
}
