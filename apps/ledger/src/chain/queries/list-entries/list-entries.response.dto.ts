import { ApiProperty } from '@nestjs/swagger';
import { EventPayloadClasses, Roles } from '@ticketing/contracts';
import { LedgerEntryView } from '../../infrastructure/chain.reader';
import { EntriesPage } from './list-entries.handler';

/** One chained event: the envelope's facts, its payload, and the hashes that link it to the last. */
export class LedgerEntryDto implements LedgerEntryView {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'its place in the chain' }) seq!: number;
  @ApiProperty({ format: 'uuid', description: 'the event’s id' }) eventId!: string;
  @ApiProperty({
    enum: Object.keys(EventPayloadClasses),
    description: 'the event type, one of the catalogue’s (docs/events.md in the repository)',
  })
  type!: string;
  @ApiProperty({ example: 'ticketing.ticket.v1' }) topic!: string;
  @ApiProperty({ type: 'integer' }) eventVersion!: number;
  @ApiProperty({ description: 'the record the event is about (ticket, rule, user …)' }) aggregateId!: string;
  @ApiProperty({ type: 'integer' }) aggregateVersion!: number;
  @ApiProperty() correlationId!: string;
  @ApiProperty({ type: String, nullable: true }) causationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) ticketId!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the ticket’s number, where the ledger knows it',
  })
  ticketNumber!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) departmentId!: string | null;
  @ApiProperty({ description: 'who did it: a user’s id, or system' }) actorId!: string;
  @ApiProperty({ enum: [...Roles, 'system'] }) actorRole!: string;
  @ApiProperty({ format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'the event’s payload, as its type’s entry in docs/events.md describes it',
  })
  payload!: unknown;
  @ApiProperty({ description: 'the hash of the entry before (sha256, hex)' }) prevHash!: string;
  @ApiProperty({ description: 'sha256 (hex) of this entry, prevHash included' }) hash!: string;
}

export class LedgerEntriesPageDto implements EntriesPage {
  @ApiProperty({ type: [LedgerEntryDto], description: 'newest first' }) items!: LedgerEntryDto[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'pass as before for the next page (a sequence number); null: the last page',
  })
  nextCursor!: string | null;
  @ApiProperty({ type: 'integer', description: 'the seq of the chain’s last entry: how long it is' })
  headSeq!: number;
}
