import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsOptional, IsString, Matches } from 'class-validator';
import { MONTH } from '../../../shared/domain/zone-time';

export class ExportPlanVsDoneQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @Matches(MONTH) readonly month!: string;
  @IsOptional() @IsString() readonly instructorUserId?: string;
}
