import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsObject, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { OptionalNotNull } from '../../../http/optional-not-null';
import { PolicySubject, PolicySubjects } from '../../domain/policy';
import { SlaPolicyDefinitionDto } from '../../policy-definition.dto';

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
  pauseWhileAwaitingEnterprise: true,
};

const DEFINITION_DESCRIPTION =
  'calendarId and timers (triage, respond, resolve, reply, feedback, transfer_arbitration, co_handler_report; ' +
  'a decision policy: decision only), each with a duration ' +
  '{amount, unit: working_days|working_hours|working_minutes|hours|minutes|seconds}, warnings [{percent}|{before: duration}], ' +
  'escalations [{step: urge|supervise|joint_meeting, afterBreach: duration | deadlineMultiple}], ' +
  'pauseWhen [extension_pending|transfer_pending|awaiting_enterprise]. Ticket policies may also set ' +
  'pauseWhileAwaitingEnterprise (default true: the resolution clock stops while a department waits for the enterprise) and ' +
  'callbackWindow (a duration, 0 allowed; default 3 working days: the committee’s 回访 window after the feedback window lapsed). ' +
  'The reply must never be due after the resolution, for any category × urgency the policy governs (400 naming the field)';

class PolicyNamesDto {
  @ApiPropertyOptional({
    example: 'Labour, urgent',
    maxLength: 200,
    description: 'the English name beside the Chinese one',
  })
  @OptionalNotNull()
  @IsString({ message: 'nameEn must be a string' })
  @MinLength(1, { message: 'nameEn must not be empty' })
  @MaxLength(200, { message: 'nameEn must be at most 200 characters' })
  nameEn?: string;
}

export class CreatePolicyRequestDto extends PolicyNamesDto {
  @ApiProperty({
    example: '用工 紧急',
    maxLength: 200,
    description: 'the Chinese name (the UI’s default language)',
  })
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiProperty({ example: 'labour', description: "a category code, or '*' for any", maxLength: 40 })
  @IsString({ message: 'category must be a string' })
  @MaxLength(40, { message: 'category must be at most 40 characters' })
  category!: string;

  @ApiProperty({
    example: 'urgent',
    description: "normal | urgent | critical, or '*' for any",
    maxLength: 40,
  })
  @IsString({ message: 'urgency must be a string' })
  @MaxLength(40, { message: 'urgency must be at most 40 characters' })
  urgency!: string;

  @ApiPropertyOptional({
    enum: PolicySubjects,
    default: 'ticket',
    description:
      "ticket (default), or decision: the zone-wide policy of joint meetings' decisions ('*' × '*')",
  })
  @OptionalNotNull()
  @IsIn([...PolicySubjects], { message: `subject must be one of ${PolicySubjects.join(', ')}` })
  subject?: PolicySubject;

  @ApiProperty({
    type: SlaPolicyDefinitionDto,
    example: DEFINITION_EXAMPLE,
    description: DEFINITION_DESCRIPTION,
  })
  @IsObject({ message: 'definition must be an object' })
  definition!: Record<string, unknown>;
}

export class UpdatePolicyRequestDto extends PolicyNamesDto {
  @ApiProperty({
    example: 1,
    description: 'the version you edited; a stale one is refused with 409',
    minimum: 1,
    maximum: 2147483647,
  })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be at least 1' })
  @Max(2147483647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion!: number;

  @ApiPropertyOptional({ maxLength: 200 })
  @OptionalNotNull()
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @ApiProperty({
    type: SlaPolicyDefinitionDto,
    example: DEFINITION_EXAMPLE,
    description: DEFINITION_DESCRIPTION,
  })
  @IsObject({ message: 'definition must be an object' })
  definition!: Record<string, unknown>;
}
