import { ApiProperty } from '@nestjs/swagger';
import { IsNewPassword, NEW_PASSWORD_MAX_LENGTH } from '../../../shared/password.rules';

export class ResetPasswordRequestDto {
  @ApiProperty({
    description: '8-128 characters with a letter and a digit; the user is asked to change it',
    writeOnly: true,
    maxLength: NEW_PASSWORD_MAX_LENGTH,
  })
  @IsNewPassword('newPassword')
  newPassword!: string;
}
