import { ApiProperty } from '@nestjs/swagger';
import { IsNewPassword } from '../../../shared/password.rules';

export class ResetPasswordRequestDto {
  @ApiProperty({ description: '8-128 characters with a letter and a digit; the user is asked to change it', writeOnly: true })
  @IsNewPassword('newPassword')
  newPassword!: string;
}
