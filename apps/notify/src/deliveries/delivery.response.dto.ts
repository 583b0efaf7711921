import { ApiProperty } from '@nestjs/swagger';

export class DeliveryResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() subscriptionId!: string;
  @ApiProperty() subscriptionName!: string;
  @ApiProperty() channel!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ nullable: true, type: String }) ticketId!: string | null;
  @ApiProperty({ nullable: true, type: String }) ticketNumber!: string | null;
  @ApiProperty({ description: 'the message heading' }) title!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'cancelled'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ nullable: true, type: String, example: 'robot error 93000: invalid webhook url' })
  lastError!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'pending: when the next attempt is due' })
  nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveredAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryResponseDto] }) items!: DeliveryResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  subscription_name: string;
  channel: string;
  event_id: string;
  event_type: string;
  ticket_id: string | null;
  message: { ticketNumber?: string | null; title?: string };
  status: string;
  attempts: number;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date;
  delivered_at: Date | null;
  created_at: Date;
}

export const toDeliveryDto = (r: DeliveryRow): DeliveryResponseDto => ({
  id: r.id,
  subscriptionId: r.subscription_id,
  subscriptionName: r.subscription_name,
  channel: r.channel,
  eventId: r.event_id,
  eventType: r.event_type,
  ticketId: r.ticket_id,
  ticketNumber: r.message.ticketNumber ?? null,
  title: r.message.title ?? r.event_type,
  status: r.status,
  attempts: r.attempts,
  lastError: r.last_error,
  lastAttemptAt: r.last_attempt_at?.toISOString() ?? null,
  nextAttemptAt: r.status === 'pending' ? r.next_attempt_at.toISOString() : null,
  deliveredAt: r.delivered_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

export const DELIVERY_SELECT = `SELECT d.*, s.name AS subscription_name FROM notify.deliveries d JOIN notify.subscriptions s ON s.id = d.subscription_id`;
