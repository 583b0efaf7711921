import { ApiProperty } from '@nestjs/swagger';
import { DeliveryState } from './domain/delivery.aggregate';

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

  static of(d: DeliveryState, subscriptionName: string): DeliveryResponseDto {
    // Messages written by an earlier build may lack a field; the event type stands in for the heading.
    const message: Partial<DeliveryState['message']> = d.message;
    return {
      id: d.id,
      subscriptionId: d.subscriptionId,
      subscriptionName,
      channel: d.channel,
      eventId: d.eventId,
      eventType: d.eventType,
      ticketId: d.ticketId,
      ticketNumber: message.ticketNumber ?? null,
      title: message.title ?? d.eventType,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt: d.status === 'pending' ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
    };
  }
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryResponseDto] }) items!: DeliveryResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
