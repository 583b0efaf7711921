import { Query } from '@ticketing/platform';
import { IsIn, IsUUID } from 'class-validator';

/** One published bulletin, as frozen, or drawn as .xlsx / PDF. */
export class GetBulletinQuery extends Query {
  @IsUUID()
  readonly bulletinId!: string;

  @IsIn(['json', 'xlsx', 'pdf'])
  readonly format!: 'json' | 'xlsx' | 'pdf';
}
