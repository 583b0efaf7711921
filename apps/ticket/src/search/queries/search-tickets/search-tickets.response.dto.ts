import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TicketChannels, TicketStatuses, Urgencies } from '@ticketing/contracts';

export const HighlightFields = [
  'number',
  'title',
  'enterpriseName',
  'creditCode',
  'description',
  'location',
  'conversation',
] as const;
export type HighlightField = (typeof HighlightFields)[number];

export class HighlightRangeDto {
  @ApiProperty({ description: 'offset of the first matched character in text (UTF-16)' }) start!: number;
  @ApiProperty({ description: 'offset just past the match' }) end!: number;
}

export class SearchHighlightDto {
  @ApiProperty({
    enum: HighlightFields,
    description:
      'where the words were found; conversation: a reply, interim reply, resolution, question, answer or message',
  })
  field!: HighlightField;
  @ApiProperty({ description: 'the field, or an excerpt of it (… where cut) around the first match' })
  text!: string;
  @ApiProperty({ type: [HighlightRangeDto], description: 'the matched words in text, in order' })
  matches!: HighlightRangeDto[];
}

export class SearchHitDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TicketStatuses }) status!: string;
  @ApiProperty() category!: string;
  @ApiProperty({ enum: Urgencies }) urgency!: string;
  @ApiProperty({ enum: TicketChannels }) channel!: string;
  @ApiProperty() enterpriseId!: string;
  @ApiProperty() enterpriseName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) gridId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) leadDepartmentId!: string | null;
  @ApiProperty({ type: [String] }) coHandlerDepartmentIds!: string[];
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({
    description: 'relevance: higher first (an exact ticket number or credit code first of all)',
  })
  score!: number;
  @ApiProperty({ type: [SearchHighlightDto], description: 'which fragments matched, best fields first' })
  highlights!: SearchHighlightDto[];
}

export class SearchTicketsResponseDto {
  @ApiProperty({ type: [SearchHitDto] }) items!: SearchHitDto[];
  @ApiProperty({ description: 'tickets found (at most the ranked candidates, see totalIsLowerBound)' })
  total!: number;
  @ApiProperty({
    description:
      'true when more tickets match than are ranked (the most recent 2,000): narrow the words or the filters',
  })
  totalIsLowerBound!: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'pass as cursor for the next page; null on the last one',
  })
  nextCursor!: string | null;
}
