import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsBoolean, IsDefined, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';

export class ListEnterprisesQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsOptional() @IsBoolean() readonly keyEnterprise?: boolean;
  @IsOptional() @IsString() readonly gridId?: string;
  @IsOptional() @IsString() readonly cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) readonly limit?: number;
}
