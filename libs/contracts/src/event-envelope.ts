import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Min,
  MinLength,
  ValidateNested,
  validateSync,
} from 'class-validator';
import { Clock } from './clock';
import { plainToInstance } from 'class-transformer';
import { Actor, Roles } from './roles';
import { newId } from './uuid';

export class ActorDto implements Actor {
  @IsString()
  @MinLength(1)
  id!: string;

  @IsIn([...Roles, 'system'])
  role!: Actor['role'];
}

/**
 * The envelope every event travels in, on every transport. `aggregateVersion` lets a consumer
 * notice a gap or a stale event; `correlationId` ties an event to the request that caused it.
 */
export interface EventEnvelope<P = unknown> {
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  aggregateId: string;
  aggregateVersion: number;
  correlationId: string;
  causationId: string | null;
  actor: Actor;
  payload: P;
}

export class EventEnvelopeDto implements EventEnvelope<Record<string, unknown>> {
  @IsUUID()
  id!: string;

  @IsString()
  @Matches(/^[a-z]+(\.[a-z][a-z-]*)+$/, { message: 'type must look like context.event-name' })
  type!: string;

  @IsInt()
  @Min(1)
  version!: number;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsString()
  @MinLength(1)
  aggregateId!: string;

  @IsInt()
  @Min(0)
  aggregateVersion!: number;

  @IsString()
  @MinLength(1)
  correlationId!: string;

  @IsOptional()
  @IsString()
  causationId!: string | null;

  @ValidateNested()
  @Type(() => ActorDto)
  actor!: ActorDto;

  @IsObject()
  payload!: Record<string, unknown>;
}

export class InvalidEnvelopeError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid event envelope: ${problems.join('; ')}`);
    this.name = 'InvalidEnvelopeError';
  }
}

/** Parses and checks an envelope received from a transport; throws InvalidEnvelopeError. */
export function parseEnvelope(raw: string | Buffer): EventEnvelope<Record<string, unknown>> {
  let plain: unknown;
  try {
    plain = JSON.parse(raw.toString());
  } catch (e) {
    throw new InvalidEnvelopeError([`not JSON (${(e as Error).message})`]);
  }
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    throw new InvalidEnvelopeError(['not a JSON object']);
  }
  // The payload is checked against its type's class later (toDomainEvent); here only that it is an
  // object, so it is not copied into the instance (class-transformer would copy it all).
  const { payload, ...head } = plain as Record<string, unknown>;
  const dto = plainToInstance(EventEnvelopeDto, head);
  dto.payload = payload as Record<string, unknown>;
  const errors = validateSync(dto);
  if (errors.length) {
    throw new InvalidEnvelopeError(
      errors.flatMap((e) => Object.values(e.constraints ?? { [e.property]: `${e.property} is invalid` })),
    );
  }
  return plain as EventEnvelope<Record<string, unknown>>;
}

export interface NewEvent<P> {
  type: string;
  version?: number;
  aggregateId: string;
  aggregateVersion: number;
  actor: Actor;
  payload: P;
  correlationId?: string;
  causationId?: string | null;
  occurredAt?: Date;
}

export function createEnvelope<P>(event: NewEvent<P>): EventEnvelope<P> {
  const id = newId();
  return {
    id,
    type: event.type,
    version: event.version ?? 1,
    occurredAt: (event.occurredAt ?? Clock.now()).toISOString(),
    aggregateId: event.aggregateId,
    aggregateVersion: event.aggregateVersion,
    correlationId: event.correlationId ?? id,
    causationId: event.causationId ?? null,
    actor: event.actor,
    payload: event.payload,
  };
}
