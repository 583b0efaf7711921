import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PHONE, PHONE_MAX_LENGTH, trim, upperTrim } from '../../../enterprises/enterprise.request.parts';
import { IsCreditCode } from '../../../enterprises/is-credit-code.validator';
import { IsNewPassword, NEW_PASSWORD_MAX_LENGTH } from '../../../shared/password.rules';

const lowerTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class SubmitRegistrationRequestDto {
  @ApiProperty({ example: '六枝特区绿源茶业有限公司', maxLength: 100 })
  @Transform(trim)
  @IsString({ message: 'enterpriseName must be text' })
  @MinLength(2, { message: 'enterpriseName must be at least 2 characters' })
  @MaxLength(100, { message: 'enterpriseName must be at most 100 characters' })
  enterpriseName!: string;

  @ApiProperty({
    example: '91110000600037341L',
    description: '统一社会信用代码, checked with GB 32100-2015',
    maxLength: 18,
  })
  @Transform(upperTrim)
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ example: '杨秀英', maxLength: 40 })
  @Transform(trim)
  @IsString({ message: 'contactName must be text' })
  @MinLength(1, { message: 'contactName must not be empty' })
  @MaxLength(40, { message: 'contactName must be at most 40 characters' })
  contactName!: string;

  @ApiProperty({ example: '15185890633', maxLength: PHONE_MAX_LENGTH })
  @Transform(trim)
  @IsString({ message: 'phone must be text' })
  @MaxLength(PHONE_MAX_LENGTH, { message: `phone must be at most ${PHONE_MAX_LENGTH} characters` })
  @Matches(PHONE, { message: 'phone must be a mobile number (11 digits) or a landline with area code' })
  phone!: string;

  @ApiProperty({
    example: 'lvyuan-tea',
    description: 'the username to log in with once approved: 3-32 lowercase letters, digits, . _ -',
    maxLength: 32,
  })
  @Transform(lowerTrim)
  @IsString({ message: 'username must be text' })
  @MaxLength(32, { message: 'username must be at most 32 characters' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,31}$/, {
    message: 'username must be 3-32 lowercase letters, digits, . _ or - and start with a letter or digit',
  })
  username!: string;

  @ApiProperty({
    description: '8-128 characters with a letter and a digit',
    writeOnly: true,
    maxLength: NEW_PASSWORD_MAX_LENGTH,
  })
  @IsNewPassword('password')
  password!: string;
}
