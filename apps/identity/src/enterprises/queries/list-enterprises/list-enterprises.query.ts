import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** The caller's own scope (an instructor's grids) narrows the list; the filters narrow it further. */
export class ListEnterprisesQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsOptional() @IsString() @MaxLength(100) readonly q?: string;
  @IsOptional() @IsUUID('all') readonly gridId?: string;
  @IsOptional() @IsUUID('all') readonly cursor?: string;
  @IsInt() @Min(1) @Max(100) readonly limit!: number;
}
