import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class RenderTemplateRequestDto {
  @ApiProperty({ format: 'uuid', description: 'the ticket whose reply box the text goes into' })
  @IsUUID('all', { message: 'ticketId must be a ticket id (uuid)' })
  ticketId!: string;
}
