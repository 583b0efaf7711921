import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
export const upperTrim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);

/** A mainland mobile (13812345678) or a landline with area code (0851-38221234). */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export class EnterpriseContactDto {
  @ApiProperty({ example: '王建国' })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(40, { message: 'name must be at most 40 characters' })
  name!: string;

  @ApiProperty({ example: '13812345678' })
  @Transform(trim)
  @IsString({ message: 'phone must be text' })
  @Matches(PHONE, { message: 'phone must be a mobile number (11 digits) or a landline with area code' })
  phone!: string;

  @ApiPropertyOptional({ example: 'wang@example.cn', nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(120, { message: 'email must be at most 120 characters' })
  email?: string | null;
}
