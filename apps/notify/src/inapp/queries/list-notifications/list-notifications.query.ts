import { Query } from '@ticketing/platform';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

/** A page of the reader's own notifications, newest first. */
export class ListNotificationsQuery extends Query {
  @IsString() @MinLength(1) readonly userId!: string;
  @IsBoolean() readonly unreadOnly!: boolean;
  /** nextCursor of the previous page: the id of its last notification. */
  @IsOptional() @IsString() @MaxLength(200) readonly cursor?: string;
  @IsInt() @Min(1) @Max(100) readonly limit!: number;
}
