import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import {
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  Min,
} from 'class-validator';

export class ListDecisionsQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsOptional() @IsBoolean() readonly mine?: boolean;
  @IsOptional() @IsArray() @IsIn(['open', 'done', 'closed'], { each: true }) readonly status?: string[];
  @IsOptional() @IsArray() @IsIn(['yellow', 'red'], { each: true }) readonly flag?: string[];
  @IsOptional() @IsUUID('all') readonly meetingId?: string;
  @IsOptional() @IsString() readonly cursor?: string;
  @IsOptional() @IsInt() @Min(1) @Max(100) readonly limit?: number;
}
