import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RoutedTicketRecord } from '../../../tickets/domain/routed-ticket.aggregate';

export class TriageItemDto {
  @ApiProperty() ticketId!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) enterpriseName!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty() category!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) urgency!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) gridId!: string | null;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ description: 'why no rule routed it' }) explanation!: string;

  static from(t: Readonly<RoutedTicketRecord>): TriageItemDto {
    return {
      ticketId: t.ticketId,
      number: t.number,
      enterpriseId: t.enterpriseId,
      enterpriseName: t.enterpriseName,
      title: t.title ?? '',
      description: t.description ?? '',
      category: t.category,
      urgency: t.urgency,
      gridId: t.gridId,
      submittedAt: (t.submittedAt ?? t.updatedAt).toISOString(),
      explanation: t.explanation ?? '',
    };
  }
}

export class TriagePageDto {
  @ApiProperty({ type: [TriageItemDto] }) items!: TriageItemDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'pass as cursor for the next page; null on the last',
  })
  nextCursor!: string | null;
}
