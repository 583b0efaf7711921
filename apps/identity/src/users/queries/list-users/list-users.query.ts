import { Role, Roles } from '@ticketing/contracts';
import { Query } from '@ticketing/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class ListUsersQuery extends Query {
  @IsOptional() @IsString() @MaxLength(100) readonly q?: string;
  @IsOptional() @IsIn(Roles) readonly role?: Role;
  @IsOptional() @IsUUID('all') readonly enterpriseId?: string;
  @IsOptional() @IsUUID('all') readonly departmentId?: string;
  @IsOptional() @IsUUID('all') readonly gridId?: string;
  @IsOptional() @IsUUID('all') readonly cursor?: string;
  @IsInt() @Min(1) @Max(100) readonly limit!: number;
}
