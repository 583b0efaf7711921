import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  MinLength,
} from 'class-validator';
import { EnterpriseContact } from '../../domain/enterprise.aggregate';

export class CreateEnterpriseCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MinLength(2) @MaxLength(100) readonly name!: string;
  @IsString() @Length(18, 18) readonly creditCode!: string;
  @IsOptional() @IsString() @MaxLength(40) readonly industry?: string;
  @IsOptional() @IsString() @MaxLength(200) readonly address?: string;
  @IsOptional() @IsUUID('all') readonly gridId?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  readonly contacts?: EnterpriseContact[];
  @IsOptional() @IsBoolean() readonly active?: boolean;
}
