import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IsNewPassword, NEW_PASSWORD_MAX_LENGTH } from '../../../shared/password.rules';

export class ChangePasswordRequestDto {
  @ApiProperty({ writeOnly: true, maxLength: 256 })
  @IsString({ message: 'currentPassword must be text' })
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(256, { message: 'currentPassword must be at most 256 characters' })
  currentPassword!: string;

  @ApiProperty({
    writeOnly: true,
    description: '8-128 characters with a letter and a digit',
    maxLength: NEW_PASSWORD_MAX_LENGTH,
  })
  @IsNewPassword('newPassword')
  newPassword!: string;
}
