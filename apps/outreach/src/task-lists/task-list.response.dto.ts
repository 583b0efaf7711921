import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TaskReasons, TaskTopicKinds } from '@ticketing/contracts';
import { TaskListProps } from './domain/task-list.aggregate';

export class TaskTopicDto {
  @ApiProperty({ enum: TaskTopicKinds }) kind!: string;
  @ApiProperty() text!: string;
}

export class PlannedVisitDto {
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiProperty({
    enum: TaskReasons,
    description: 'key_enterprise / due by the visiting interval / added by hand',
  })
  reason!: string;
  @ApiProperty({ type: [TaskTopicDto] }) topics!: TaskTopicDto[];
}

/** 任务清单 as the committee and the instructor see it. */
export class TaskListResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() instructorUserId!: string;
  @ApiProperty() instructorName!: string;
  @ApiProperty({ example: '2026-03' }) month!: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status!: string;
  @ApiProperty({ type: [PlannedVisitDto] }) items!: PlannedVisitDto[];
  @ApiProperty({ description: 'publications so far (0 for a draft)' }) revision!: number;
  @ApiProperty({ description: 'pass as expectedVersion with your next change' }) version!: number;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) publishedAt!: string | null;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(s: Readonly<TaskListProps>): TaskListResponseDto {
    return {
      id: s.id,
      instructorUserId: s.instructorUserId,
      instructorName: s.instructorName,
      month: s.month,
      status: s.status,
      items: s.items.map((i) => ({ ...i, topics: i.topics.map((t) => ({ ...t })) })),
      revision: s.revision,
      version: s.version,
      publishedAt: s.publishedAt ? s.publishedAt.toISOString() : null,
      updatedAt: s.updatedAt.toISOString(),
    };
  }
}

export class TaskListPageDto {
  @ApiProperty({ type: [TaskListResponseDto] }) items!: TaskListResponseDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) nextCursor!: string | null;
}
