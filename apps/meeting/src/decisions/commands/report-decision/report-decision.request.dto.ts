import { ApiProperty } from '@nestjs/swagger';
import { DecisionProgress } from '@ticketing/contracts';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

export class ReportDecisionRequestDto {
  @ApiProperty({ description: 'the version you saw' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(2_147_483_647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion!: number;

  @ApiProperty({
    enum: DecisionProgress,
    description:
      'in_progress: a progress report; done: the lead says it is done (its clock stops), a co-handler that its part is',
  })
  @IsIn([...DecisionProgress], { message: `progress must be one of ${DecisionProgress.join(', ')}` })
  progress!: (typeof DecisionProgress)[number];

  @ApiProperty({ maxLength: 2000, example: '道路已修复，已通知企业验收' })
  @IsString({ message: 'report must be text' })
  @IsNotEmpty({ message: 'report is required' })
  @MaxLength(2000, { message: 'report must be at most 2000 characters' })
  report!: string;
}
