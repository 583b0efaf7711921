import { AuthUser } from '@ticketing/auth';
import { NeedKinds, NeedStatuses } from '@ticketing/contracts';
import { Query } from '@ticketing/platform';
import { IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListNeedsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsOptional() @IsString() readonly enterpriseId?: string;
  @IsOptional() @IsArray() @IsIn([...NeedStatuses], { each: true }) readonly status?: string[];
  @IsOptional() @IsArray() @IsIn([...NeedKinds], { each: true }) readonly kind?: string[];
  @IsOptional() @IsString() readonly cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) readonly limit?: number;
}
