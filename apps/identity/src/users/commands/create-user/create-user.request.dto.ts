import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, Roles } from '@ticketing/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PHONE, PHONE_MAX_LENGTH } from '../../../enterprises/enterprise.request.parts';
import { IsNewPassword, NEW_PASSWORD_MAX_LENGTH } from '../../../shared/password.rules';
import { lowerCaseIds } from '../../../shared/uuid.transform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class CreateUserRequestDto {
  @ApiProperty({
    example: 'dept-hrss-zhang',
    description: '3-32 lowercase letters, digits, . _ -',
    maxLength: 32,
  })
  @Transform(lowerTrim)
  @IsString({ message: 'username must be text' })
  @MaxLength(32, { message: 'username must be at most 32 characters' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,31}$/, {
    message: 'username must be 3-32 lowercase letters, digits, . _ or - and start with a letter or digit',
  })
  username!: string;

  @ApiProperty({ example: '张敏', maxLength: 60 })
  @Transform(trim)
  @IsString({ message: 'displayName must be text' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(60, { message: 'displayName must be at most 60 characters' })
  displayName!: string;

  @ApiProperty({ enum: Roles })
  @IsIn(Roles, { message: `role must be one of ${Roles.join(', ')}` })
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for role enterprise' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'enterpriseId must be a UUID' })
  enterpriseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'required for role department' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string;

  @ApiPropertyOptional({ type: [String], description: 'required (one or more) for role instructor' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsArray({ message: 'gridIds must be a list of grid ids' })
  @ArrayMaxSize(50, { message: 'gridIds may hold at most 50 grids' })
  @IsUUID('all', { each: true, message: 'gridIds must hold UUIDs' })
  gridIds?: string[];

  @ApiPropertyOptional({ example: '13812345678', maxLength: PHONE_MAX_LENGTH })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'mobile must be text' })
  @MaxLength(PHONE_MAX_LENGTH, { message: `mobile must be at most ${PHONE_MAX_LENGTH} characters` })
  @Matches(PHONE, { message: 'mobile must be a mobile number (11 digits) or a landline with area code' })
  mobile?: string;

  @ApiPropertyOptional({ example: 'zhang@example.cn', maxLength: 120 })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(120, { message: 'email must be at most 120 characters' })
  email?: string;

  @ApiProperty({
    description:
      'initial password, 8-128 characters with a letter and a digit; the user is asked to change it',
    writeOnly: true,
    maxLength: NEW_PASSWORD_MAX_LENGTH,
  })
  @IsNewPassword('initialPassword')
  initialPassword!: string;
}
