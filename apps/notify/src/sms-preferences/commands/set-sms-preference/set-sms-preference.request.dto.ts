import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

/** The version column is an int4: a larger number can never be current. */
const MAX_VERSION = 2147483647;

export class SetSmsPreferenceRequestDto {
  @ApiProperty({
    description: "true: SMS about the enterprise's tickets go to its contact's phone; false: none",
  })
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled!: boolean;

  @ApiPropertyOptional({
    description: 'the version you saw (0 while never set)',
    minimum: 0,
    maximum: MAX_VERSION,
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(0, { message: 'expectedVersion must be at least 0' })
  @Max(MAX_VERSION, { message: `expectedVersion must be at most ${MAX_VERSION}` })
  expectedVersion?: number;
}
