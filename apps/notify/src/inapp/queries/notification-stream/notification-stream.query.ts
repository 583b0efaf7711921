import { Query } from '@ticketing/platform';
import { IsString, MinLength } from 'class-validator';

/** The reader's notifications, live. */
export class NotificationStreamQuery extends Query {
  @IsString() @MinLength(1) readonly userId!: string;
}
