import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role, Roles } from '@ticketing/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PHONE, PHONE_MAX_LENGTH } from '../../../enterprises/enterprise.request.parts';
import { lowerCaseIds } from '../../../shared/uuid.transform';
import { OmittedOrValid } from '../../../shared/not-null';
import { MAX_VERSION } from '../../../shared/version';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const given = (_: unknown, v: unknown) => v !== undefined && v !== null;

/** Only what is given changes; null clears. A role change drops scope that does not fit the new role. */
export class UpdateUserRequestDto {
  @ApiPropertyOptional({ maxLength: 60 })
  @OmittedOrValid()
  @Transform(trim)
  @IsString({ message: 'displayName must be text' })
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(60, { message: 'displayName must be at most 60 characters' })
  displayName?: string;

  @ApiPropertyOptional({ enum: Roles })
  @IsOptional()
  @IsIn(Roles, { message: `role must be one of ${Roles.join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @ValidateIf(given)
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'enterpriseId must be a UUID' })
  enterpriseId?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @ValidateIf(given)
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'departmentId must be a UUID' })
  departmentId?: string | null;

  @ApiPropertyOptional({ type: [String], description: 'the full new list of grids (instructors)' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsArray({ message: 'gridIds must be a list of grid ids' })
  @ArrayMaxSize(50, { message: 'gridIds may hold at most 50 grids' })
  @IsUUID('all', { each: true, message: 'gridIds must hold UUIDs' })
  gridIds?: string[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: PHONE_MAX_LENGTH })
  @ValidateIf(given)
  @Transform(trim)
  @IsString({ message: 'mobile must be text' })
  @MaxLength(PHONE_MAX_LENGTH, { message: `mobile must be at most ${PHONE_MAX_LENGTH} characters` })
  @Matches(PHONE, { message: 'mobile must be a mobile number (11 digits) or a landline with area code' })
  mobile?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 120 })
  @ValidateIf(given)
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(120, { message: 'email must be at most 120 characters' })
  email?: string | null;

  @ApiPropertyOptional({ description: 'false ends every session of the user and refuses new logins' })
  @OmittedOrValid()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({
    description: 'the version you saw; a stale one gets 409',
    minimum: 1,
    maximum: MAX_VERSION,
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be at least 1' })
  @Max(MAX_VERSION, { message: `expectedVersion must be at most ${MAX_VERSION}` })
  expectedVersion?: number;
}
