import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';

const DEFINITION_EXAMPLE = {
  calendarId: 'default',
  timers: {
    resolve: {
      duration: { amount: 5, unit: 'working_days' },
      warnings: [{ percent: 80 }, { before: { amount: 4, unit: 'working_hours' } }],
      escalations: [
        { step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } },
        { step: 'supervise', afterBreach: { amount: 1, unit: 'working_days' } },
        { step: 'joint_meeting', deadlineMultiple: 2 },
      ],
      pauseWhen: ['extension_pending'],
    },
  },
};

export class CreatePolicyRequestDto {
  @ApiProperty({ example: '用工 紧急' })
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiProperty({ example: 'labour', description: "a category code, or '*' for any" })
  @IsString({ message: 'category must be a string' })
  category!: string;

  @ApiProperty({ example: 'urgent', description: "normal | urgent | critical, or '*' for any" })
  @IsString({ message: 'urgency must be a string' })
  urgency!: string;

  @ApiProperty({
    example: DEFINITION_EXAMPLE,
    description:
      'calendarId and timers (triage, respond, resolve, reply, feedback, transfer_arbitration, co_handler_report), each with a duration ' +
      '{amount, unit: working_days|working_hours|working_minutes|hours|minutes|seconds}, warnings [{percent}|{before: duration}], ' +
      'escalations [{step: urge|supervise|joint_meeting, afterBreach: duration | deadlineMultiple}], pauseWhen [extension_pending|transfer_pending]',
  })
  @IsObject({ message: 'definition must be an object' })
  definition!: Record<string, unknown>;
}

export class UpdatePolicyRequestDto {
  @ApiProperty({ example: 1, description: 'the version you edited; a stale one is refused with 409' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be at least 1' })
  expectedVersion!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @ApiProperty({ example: DEFINITION_EXAMPLE })
  @IsObject({ message: 'definition must be an object' })
  definition!: Record<string, unknown>;
}
