import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DomainError, TicketStatuses } from '@ticketing/contracts';
import { Command, Problem, problemOf, PROBLEM_REF } from '@ticketing/platform';
import { AuthUser } from '@ticketing/auth';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined } from 'class-validator';
import { TicketChangedResponseDto } from './ticket-changed.response.dto';

/** One ticket of a bulk command (each is checked again as its own command). */
export interface BulkItem {
  ticketId: string;
  expectedVersion: number;
}

/** What every bulk command carries: who, and 1 to 50 tickets, each at most once. */
export abstract class BulkTicketCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) readonly items!: BulkItem[];
}

export class BulkItemResultDto {
  @ApiProperty({ format: 'uuid' }) ticketId!: string;
  @ApiProperty({ description: 'whether this ticket’s change was made' }) ok!: boolean;
  @ApiPropertyOptional({ example: 'CS-2026-000123' }) number?: string;
  @ApiPropertyOptional({ enum: TicketStatuses }) status?: string;
  @ApiPropertyOptional() version?: number;
  @ApiPropertyOptional({
    allOf: [PROBLEM_REF],
    description:
      'when not ok: the problem this ticket alone would have answered (404 not yours to see, 403 not yours to act on, 409 illegal transition or stale version, 400 naming a field)',
  })
  problem?: Problem;
}

export class BulkResultDto {
  @ApiProperty({ type: [BulkItemResultDto], description: 'one per item, in the order given' })
  results!: BulkItemResultDto[];
  @ApiProperty() succeeded!: number;
  @ApiProperty() failed!: number;
}

/** A ticket named twice would race itself: the whole request is refused before anything runs. */
export function assertDistinct(items: readonly BulkItem[]): void {
  const seen = new Set<string>();
  const twice = items.filter((i) => (seen.has(i.ticketId) ? true : (seen.add(i.ticketId), false)));
  if (twice.length)
    throw new DomainError('validation', `items: a ticket is named more than once (${twice[0].ticketId})`, {
      errors: [{ field: 'items', messages: [`ticket ${twice[0].ticketId} is named more than once`] }],
    });
}

/**
 * Runs one command per item, each in its own unit of work and checked like a single request; what
 * one item's refusal is does not stop the others. Each result says what that ticket's own request
 * would have answered (problemOf: the same problem+json body).
 */
export async function eachItem(
  items: readonly BulkItem[],
  run: (item: BulkItem) => Promise<TicketChangedResponseDto>,
  unexpected: (error: unknown, item: BulkItem) => void,
): Promise<BulkResultDto> {
  assertDistinct(items);
  const results: BulkItemResultDto[] = [];
  for (const item of items) {
    try {
      const r = await run(item);
      results.push({
        ticketId: item.ticketId,
        ok: true,
        number: r.number,
        status: r.status,
        version: r.version,
      });
    } catch (e) {
      // The items before it are done and stay done: this one is reported like the others, so the
      // caller knows which to retry (an unexpected error also goes to the log, as a 500 would).
      const problem = problemOf(e);
      if (problem.status >= 500) unexpected(e, item);
      results.push({ ticketId: item.ticketId, ok: false, problem });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
