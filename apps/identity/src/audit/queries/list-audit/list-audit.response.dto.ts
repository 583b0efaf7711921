import { ApiProperty } from '@nestjs/swagger';

/** One stored audit entry, as the reader finds it. */
export interface AuditEntryFields {
  id: string;
  occurredAt: Date;
  actorId: string;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string;
  details: Record<string, unknown>;
  correlationId: string | null;
}

export class AuditEntryResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ description: 'user id of who acted' }) actorId!: string;
  @ApiProperty() actorRole!: string;
  @ApiProperty({ example: 'user.updated' }) action!: string;
  @ApiProperty({ example: 'user' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what was asked for, without credentials',
  })
  details!: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String }) correlationId!: string | null;

  static from(a: AuditEntryFields): AuditEntryResponseDto {
    return {
      id: a.id,
      occurredAt: a.occurredAt.toISOString(),
      actorId: a.actorId,
      actorRole: a.actorRole,
      action: a.action,
      entityType: a.entityType,
      entityId: a.entityId,
      details: a.details,
      correlationId: a.correlationId,
    };
  }
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryResponseDto] }) items!: AuditEntryResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
