import { Query } from '@ticketing/platform';
import { IsString, MinLength } from 'class-validator';

export class UnreadCountQuery extends Query {
  @IsString() @MinLength(1) readonly userId!: string;
}
