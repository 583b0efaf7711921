import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

/** Deliberately loose: the rules for new names and passwords must not lock out older accounts. */
export class LoginRequestDto {
  @ApiProperty({ example: 'enterprise', maxLength: 64 })
  @IsString({ message: 'username must be text' })
  @MinLength(1, { message: 'username must not be empty' })
  @MaxLength(64, { message: 'username must be at most 64 characters' })
  username!: string;

  @ApiProperty({ example: 'Demo@2026', writeOnly: true, maxLength: 256 })
  @IsString({ message: 'password must be text' })
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(256, { message: 'password must be at most 256 characters' })
  password!: string;
}
