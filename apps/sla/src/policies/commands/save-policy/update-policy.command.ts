import { Command } from '@ticketing/platform';
import {
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class UpdatePolicyCommand extends Command {
  @IsUUID('all') readonly policyId!: string;
  @IsInt() @Min(1) @Max(2147483647) readonly expectedVersion!: number;
  /** null keeps the current name. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) readonly name!: string | null;
  /** null keeps the current English name. */
  @IsOptional() @IsString() @MinLength(1) @MaxLength(200) readonly nameEn!: string | null;
  @IsObject() readonly definition!: Record<string, unknown>;
  @IsString() @MinLength(1) readonly actorId!: string;
}
