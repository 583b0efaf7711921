import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { MONTH } from '../../../shared/domain/zone-time';

export class ListTaskListsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsOptional() @Matches(MONTH) readonly month?: string;
  @IsOptional() @IsString() readonly instructorUserId?: string;
  @IsOptional() @IsString() readonly cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) readonly limit?: number;
}
