import { AuthUser } from '@ticketing/auth';
import { Actor } from '@ticketing/contracts';
import { EventCause } from '@ticketing/messaging';
import { Command } from '@ticketing/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInstance,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** The largest version a ticket row holds (int4). */
export const MAX_VERSION = 2_147_483_647;

/** A change a person asks for: who, on which ticket, and the version they saw. */
export abstract class PersonTicketCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all', { message: 'ticketId must be a UUID' }) readonly ticketId!: string;
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(MAX_VERSION, { message: `expectedVersion must be at most ${MAX_VERSION}` })
  readonly expectedVersion!: number;
}

/**
 * A change caused by another service's event. Its handler runs in that event's inbox transaction
 * (the ambient unit of work), so the change, its outbox events and the inbox mark commit together.
 */
export abstract class SystemTicketCommand extends Command {
  @IsString() @MinLength(1) readonly ticketId!: string;
  /** Who caused it upstream (a committee member for manual decisions, else the system). */
  @IsDefined() readonly actor!: Actor;
  /** The upstream event, for the log when the change cannot apply. */
  @IsString() @MaxLength(200) readonly causedBy!: string;
}

/**
 * One ticket's change in a command that applies several events at once (a consumer's batch, one
 * event per ticket): what SystemTicketCommand says of one, plus the event as the cause of what the
 * change emits.
 */
export abstract class SystemTicketChange {
  @IsString() @MinLength(1) readonly ticketId!: string;
  /** Who caused it upstream (a committee member for manual decisions, else the system). */
  @IsDefined() readonly actor!: Actor;
  /** The upstream event, for the log when the change cannot apply. */
  @IsString() @MaxLength(200) readonly causedBy!: string;
  /** Absent: the ambient correlation (the event being handled) is the cause. */
  @IsOptional() @IsInstance(EventCause) @ValidateNested() @Type(() => EventCause) readonly cause?: EventCause;
}

/**
 * An addition to the conversation (a message, a note, an answer): the version the person saw is
 * optional, since nothing they could have seen stale changes; when given, it is checked.
 */
export abstract class ConversationTicketCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all', { message: 'ticketId must be a UUID' }) readonly ticketId!: string;
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(MAX_VERSION, { message: `expectedVersion must be at most ${MAX_VERSION}` })
  readonly expectedVersion!: number | null;
  @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) readonly attachmentIds!: string[];
}
