import { ApiProperty } from '@nestjs/swagger';
import { TicketStatuses } from '@ticketing/contracts';
import { SimilarTicket, similarView } from '../../domain/similar-tickets';

export class SimilarTicketDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CS-2026-000123' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: TicketStatuses }) status!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({
    minimum: 0,
    maximum: 1,
    description: 'how alike the texts read: Dice coefficient of their character bigrams (0 to 1)',
  })
  similarity!: number;
  @ApiProperty({
    description: 'alike enough that submitting the draft answers 409 possibleDuplicate unless confirmed',
  })
  likelyDuplicate!: boolean;

  static of(s: SimilarTicket): SimilarTicketDto {
    return similarView(s);
  }
}

export class SimilarTicketsResponseDto {
  @ApiProperty({ type: [SimilarTicketDto], description: 'most alike first; at most 5' })
  items!: SimilarTicketDto[];
}
