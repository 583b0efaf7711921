import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsArray, IsDate, IsDefined, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListMeetingsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsOptional()
  @IsArray()
  @IsIn(['scheduled', 'held', 'cancelled'], { each: true })
  readonly status?: string[];
  @IsOptional() @IsDate() readonly from?: Date;
  @IsOptional() @IsDate() readonly to?: Date;
  @IsOptional() @IsString() readonly cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) readonly limit?: number;
}
