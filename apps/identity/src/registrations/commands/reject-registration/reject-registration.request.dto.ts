import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../../enterprises/enterprise.request.parts';

export class RejectRegistrationRequestDto {
  @ApiProperty({ example: '信用代码与营业执照不符，请核对后重新申请', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString({ message: 'reason must be text' })
  @MinLength(2, { message: 'reason must be at least 2 characters' })
  @MaxLength(200, { message: 'reason must be at most 200 characters' })
  reason!: string;
}
