import { Query } from '@ticketing/platform';
import { IsUUID } from 'class-validator';

export class GetGridQuery extends Query {
  @IsUUID() readonly gridId!: string;
}
