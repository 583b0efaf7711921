import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsOptional, IsString, Matches } from 'class-validator';
import { DAY } from '../../../shared/domain/zone-time';

export class ListWorkLogQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsOptional() @IsString() readonly instructorUserId?: string;
  @Matches(DAY) readonly from!: string;
  @Matches(DAY) readonly to!: string;
}
