import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

/** Every change says which version of the ticket the actor saw (optimistic concurrency). */
export class TicketActionRequestDto {
  @ApiProperty({
    minimum: 1,
    description: 'the ticket version you saw; a stale one gets 409 naming the current status and version',
  })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  expectedVersion!: number;
}
