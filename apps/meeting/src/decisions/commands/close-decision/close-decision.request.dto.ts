import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecisionOutcomes } from '@ticketing/contracts';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

export class CloseDecisionRequestDto {
  @ApiProperty({ description: 'the version you saw' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(2_147_483_647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion!: number;

  @ApiProperty({ enum: DecisionOutcomes, description: 'solved counts as 解决; withdrawn cancels its clock' })
  @IsIn([...DecisionOutcomes], { message: `outcome must be one of ${DecisionOutcomes.join(', ')}` })
  outcome!: (typeof DecisionOutcomes)[number];

  @ApiProperty({ maxLength: 2000, example: '经第二次联席会议通报，已落实' })
  @IsString({ message: 'note must be text' })
  @IsNotEmpty({ message: 'note is required' })
  @MaxLength(2000, { message: 'note must be at most 2000 characters' })
  note!: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the meeting where its outcome was reported (its follow-up item)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'meetingId must be a meeting id (uuid)' })
  meetingId?: string;
}
