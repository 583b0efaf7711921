import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SlaPauseReasons } from '@ticketing/contracts';
import { DurationUnits } from './domain/duration';
import { EscalationSteps } from './domain/policy';

/**
 * The shape of a policy's definition, for the API document only: the request takes it as a plain
 * object, which validatePolicyDefinition (domain/policy.ts) checks field by field.
 */
export class SlaDurationDto {
  @ApiProperty({ example: 5, minimum: 0, description: 'working_days: a whole number; 0 only where allowed' })
  amount!: number;
  @ApiProperty({ enum: DurationUnits, description: 'working_* count office time of the calendar only' })
  unit!: string;
}

export class SlaWarningRuleDto {
  @ApiPropertyOptional({
    example: 80,
    exclusiveMinimum: true,
    minimum: 0,
    exclusiveMaximum: true,
    maximum: 100,
    description: 'warn when this share of the allowance is used (give this or before)',
  })
  percent?: number;
  @ApiPropertyOptional({
    type: SlaDurationDto,
    description: 'warn this long before the deadline (or percent)',
  })
  before?: SlaDurationDto;
}

export class SlaEscalationRuleDto {
  @ApiProperty({ enum: EscalationSteps, description: 'each step at most once in a ladder' }) step!: string;
  @ApiPropertyOptional({
    type: SlaDurationDto,
    description: 'this long after the breach, 0 = at it (give this or deadlineMultiple)',
  })
  afterBreach?: SlaDurationDto;
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 100,
    example: 2,
    description: 'when this multiple of the allowance has passed (or afterBreach)',
  })
  deadlineMultiple?: number;
}

export class SlaTimerRuleDto {
  @ApiProperty({ type: SlaDurationDto, description: 'the allowance' }) duration!: SlaDurationDto;
  @ApiPropertyOptional({ type: [SlaWarningRuleDto], description: 'default none' })
  warnings?: SlaWarningRuleDto[];
  @ApiPropertyOptional({ type: [SlaEscalationRuleDto], description: 'default none' })
  escalations?: SlaEscalationRuleDto[];
  @ApiPropertyOptional({
    enum: SlaPauseReasons,
    isArray: true,
    description: 'the conditions under which the clock stops; default none',
  })
  pauseWhen?: string[];
}

/** One rule per timer the policy sets: a ticket policy any but decision, a decision policy decision only. */
export class SlaPolicyTimersDto {
  @ApiPropertyOptional({
    type: SlaTimerRuleDto,
    description: "the committee's desk routing a ticket by hand",
  })
  triage?: SlaTimerRuleDto;
  @ApiPropertyOptional({ type: SlaTimerRuleDto, description: 'the lead department signs for the ticket' })
  respond?: SlaTimerRuleDto;
  @ApiPropertyOptional({ type: SlaTimerRuleDto, description: 'the lead department resolves it' })
  resolve?: SlaTimerRuleDto;
  @ApiPropertyOptional({
    type: SlaTimerRuleDto,
    description: 'the lead department replies to the enterprise',
  })
  reply?: SlaTimerRuleDto;
  @ApiPropertyOptional({ type: SlaTimerRuleDto, description: 'the enterprise gives its feedback' })
  feedback?: SlaTimerRuleDto;
  @ApiPropertyOptional({ type: SlaTimerRuleDto, description: 'the committee decides a transfer request' })
  transfer_arbitration?: SlaTimerRuleDto;
  @ApiPropertyOptional({ type: SlaTimerRuleDto, description: 'a co-handling department reports its part' })
  co_handler_report?: SlaTimerRuleDto;
  @ApiPropertyOptional({
    type: SlaTimerRuleDto,
    description: "a joint meeting's decision (decision policies only)",
  })
  decision?: SlaTimerRuleDto;
}

export class SlaPolicyDefinitionDto {
  @ApiProperty({ example: 'default', description: 'the calendar its working time is counted in' })
  calendarId!: string;
  @ApiProperty({ type: SlaPolicyTimersDto, description: 'at least one timer' }) timers!: SlaPolicyTimersDto;
  @ApiPropertyOptional({
    default: true,
    description:
      'ticket policies: the resolution clock (and each clock whose pauseWhen lists awaiting_enterprise) stops while a department waits for the enterprise',
  })
  pauseWhileAwaitingEnterprise?: boolean;
  @ApiPropertyOptional({
    type: SlaDurationDto,
    description:
      'ticket policies: the committee’s 回访 window after the feedback window lapsed (0 allowed; default 3 working days)',
  })
  callbackWindow?: SlaDurationDto;
}
