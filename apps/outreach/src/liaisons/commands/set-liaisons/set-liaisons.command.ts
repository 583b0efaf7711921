import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { DepartmentLiaison, LiaisonLeader } from '../../domain/liaisons.aggregate';

/** The committee names who to call for an enterprise (联系制度) and whether it is a key enterprise. */
export class SetLiaisonsCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MinLength(1) readonly enterpriseId!: string;
  /** 0: none were set yet. Absent: whatever is there is replaced. */
  @IsOptional() @IsInt() @Min(0) @Max(2_147_483_647) readonly expectedVersion?: number;
  @IsBoolean() readonly keyEnterprise!: boolean;
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) readonly instructorUserIds!: string[];
  @IsOptional() readonly leader!: LiaisonLeader | null;
  @IsOptional() readonly department!: DepartmentLiaison | null;
}
