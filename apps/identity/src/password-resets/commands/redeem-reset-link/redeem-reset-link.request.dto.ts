import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsNewPassword, NEW_PASSWORD_MAX_LENGTH } from '../../../shared/password.rules';

export class RedeemResetLinkRequestDto {
  @ApiProperty({ description: 'the token from the reset link', writeOnly: true, maxLength: 100 })
  @IsString({ message: 'token must be text' })
  @MinLength(20, { message: 'token is not a reset link token' })
  @MaxLength(100, { message: 'token is not a reset link token' })
  token!: string;

  @ApiProperty({
    description: '8-128 characters with a letter and a digit',
    writeOnly: true,
    maxLength: NEW_PASSWORD_MAX_LENGTH,
  })
  @IsNewPassword('newPassword')
  newPassword!: string;
}
