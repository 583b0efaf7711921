import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { EnterpriseContact } from './domain/enterprise.aggregate';

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const upperTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

/** A mainland mobile (13812345678) or a landline with area code (0851-38221234). */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
/** The longest PHONE can match. */
export const PHONE_MAX_LENGTH = 13;

export class EnterpriseContactDto {
  @ApiProperty({ example: '王建国', maxLength: 40 })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(40, { message: 'name must be at most 40 characters' })
  name!: string;

  @ApiProperty({ example: '13812345678', maxLength: PHONE_MAX_LENGTH })
  @Transform(trim)
  @IsString({ message: 'phone must be text' })
  @MaxLength(PHONE_MAX_LENGTH, { message: `phone must be at most ${PHONE_MAX_LENGTH} characters` })
  @Matches(PHONE, { message: 'phone must be a mobile number (11 digits) or a landline with area code' })
  phone!: string;

  @ApiPropertyOptional({ example: 'wang@example.cn', nullable: true, type: String, maxLength: 120 })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(120, { message: 'email must be at most 120 characters' })
  email?: string | null;
}

/** A contact as a command carries it: plain data, the e-mail only when one was given. */
export const contactOf = (c: EnterpriseContactDto): EnterpriseContact => ({
  name: c.name,
  phone: c.phone,
  ...(c.email !== undefined ? { email: c.email } : {}),
});
