import { ApiProperty } from '@nestjs/swagger';
import { SlaPauseReasons, SlaTimerKinds } from '@ticketing/contracts';

export class TimerPolicyRefDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    type: 'integer',
    description: 'the policy version the timer was opened (or last recomputed) with',
  })
  version!: number;
}

export class TimerPauseDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while it lasts' })
  to!: string | null;
  @ApiProperty({ enum: SlaPauseReasons }) reason!: string;
}

/** Durations in integer milliseconds, exact (activeMs + remaining = allowance). */
export class TimerDurationsDto {
  @ApiProperty({ description: 'budget plus extension, on the timer’s own clock' }) allowance!: number;
  @ApiProperty({ description: 'the policy’s allowance' }) budget!: number;
  @ApiProperty({ description: 'added by approved extensions' }) extension!: number;
  @ApiProperty({ description: 'wall-clock time since the start' }) elapsedWall!: number;
  @ApiProperty({ description: 'wall-clock time paused' }) pausedWall!: number;
  @ApiProperty({ description: 'working time since the start' }) elapsedWorking!: number;
  @ApiProperty({ description: 'working time paused' }) pausedWorking!: number;
  @ApiProperty({ description: 'counted on the timer’s own clock, pauses excluded' }) active!: number;
  @ApiProperty({ description: 'left on the timer’s own clock; negative once overdue' }) remaining!: number;
  @ApiProperty({ description: 'left, in working time' }) remainingWorking!: number;
}

/** One SLA clock of a ticket or decision, as the engine counts it at `asOf`. */
export class TimerViewDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: SlaTimerKinds }) kind!: string;
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description:
      'the department whose clock it is; null for the committee’s (triage, transfer_arbitration, callback) and the enterprise’s (feedback)',
  })
  departmentId!: string | null;
  @ApiProperty({ enum: ['running', 'paused', 'stopped'] }) state!: string;
  @ApiProperty({
    type: String,
    enum: ['met', 'breached', 'transferred', 'cancelled', 'merged'],
    nullable: true,
    description: 'null until it stops',
  })
  outcome!: string | null;
  @ApiProperty({ enum: ['working', 'wall'], description: 'whether it counts office time only' })
  basis!: string;
  @ApiProperty({ type: TimerPolicyRefDto }) policy!: TimerPolicyRefDto;
  @ApiProperty({ example: 'default' }) calendarId!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'null while paused' })
  dueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) stoppedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) breachedAt!: string | null;
  @ApiProperty({ type: [TimerPauseDto] }) pausedIntervals!: TimerPauseDto[];
  @ApiProperty({
    format: 'date-time',
    description: 'the instant the figures are taken at: the stop, else now',
  })
  asOf!: string;
  @ApiProperty({ type: TimerDurationsDto }) ms!: TimerDurationsDto;
  @ApiProperty() elapsedWallMinutes!: number;
  @ApiProperty() pausedWallMinutes!: number;
  @ApiProperty() elapsedWorkingMinutes!: number;
  @ApiProperty() pausedWorkingMinutes!: number;
  @ApiProperty() remainingWorkingMinutes!: number;
}

export class TicketTimersResponseDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ type: [TimerViewDto], description: 'oldest first' }) timers!: TimerViewDto[];
}

export class DecisionTimersResponseDto {
  @ApiProperty({ format: 'uuid' }) decisionId!: string;
  @ApiProperty({ format: 'uuid' }) meetingId!: string;
  @ApiProperty({ format: 'uuid' }) leadDepartmentId!: string;
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
  @ApiProperty({
    enum: ['open', 'done', 'closed'],
    description: 'the decision’s status as the engine heard it',
  })
  status!: string;
  @ApiProperty({ type: [TimerViewDto] }) timers!: TimerViewDto[];
}

export class QueueItemDto {
  @ApiProperty({ format: 'uuid' }) timerId!: string;
  @ApiProperty({ enum: ['ticket', 'decision'] }) subject!: string;
  @ApiProperty({ format: 'uuid', description: 'the ticket’s id, or the decision’s (subject decision)' })
  ticketId!: string;
  @ApiProperty({ enum: SlaTimerKinds }) kind!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
}

export class QueuePageDto {
  @ApiProperty({ type: [QueueItemDto], description: 'nearest deadline first' }) items!: QueueItemDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as cursor for the next page; null: the last',
  })
  nextCursor!: string | null;
}
