import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { AssignFromTriageRequestDto } from '../assign-from-triage/assign-from-triage.request.dto';
import { BULK_TRIAGE_MAX } from './bulk-assign-from-triage.command';

/** The single assignment's body (lead, co-handlers, note) plus the tickets it is for. */
export class BulkAssignFromTriageRequestDto extends AssignFromTriageRequestDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: BULK_TRIAGE_MAX,
    uniqueItems: true,
    description: 'the tickets to route, each waiting in the triage queue; each named once',
  })
  @IsArray({ message: 'ticketIds must be a list of ticket ids' })
  @ArrayMinSize(1, { message: 'ticketIds must name at least one ticket' })
  @ArrayMaxSize(BULK_TRIAGE_MAX, { message: `ticketIds may name at most ${BULK_TRIAGE_MAX} tickets` })
  @ArrayUnique({ message: 'ticketIds must not name a ticket twice' })
  @IsUUID('all', { each: true, message: 'each of ticketIds must be a ticket id (uuid)' })
  ticketIds!: string[];
}
