import { ApiProperty } from '@nestjs/swagger';

export class NotificationResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'ticket.assigned' }) eventType!: string;
  @ApiProperty({ nullable: true, type: String }) ticketId!: string | null;
  @ApiProperty({ example: '新诉求待签收' }) title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String, description: 'the ticket page' }) link!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) readAt!: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationResponseDto] }) items!: NotificationResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class UnreadCountDto {
  @ApiProperty() unread!: number;
}

export class MarkAllReadResponseDto {
  @ApiProperty({ description: 'how many were unread' }) marked!: number;
}

export const ALL_ROLES = ['enterprise', 'instructor', 'department', 'committee', 'admin'] as const;
