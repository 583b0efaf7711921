import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

// Reads the raw string: implicit conversion would already have turned 'false' into true.
const toBool = ({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
  const raw = obj[key];
  return typeof raw === 'string' ? ['1', 'true', 'yes', 'on'].includes(raw.toLowerCase()) : raw;
};

const PORT_MESSAGE = 'PORT must be a whole number between 0 and 65535 (0: any free port)';

/**
 * The environment every service reads. Each variable is listed in README.md.
 * Service-specific settings extend this class.
 */
export class BaseEnv {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt({ message: PORT_MESSAGE })
  @Min(0, { message: PORT_MESSAGE })
  @Max(65535, { message: PORT_MESSAGE })
  @Type(() => Number)
  PORT: number = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** postgres://user:pass@host:port/db — when absent, an embedded PostgreSQL is started. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/([^@/\s]+@)?[^/:\s]+(:\d{1,5})?\/[^\s?]+(\?\S*)?$/, {
    message: 'DATABASE_URL must look like postgres://user:password@host:5432/database',
  })
  DATABASE_URL?: string;

  @IsInt()
  @Min(1)
  @Max(100)
  @Type(() => Number)
  DATABASE_POOL_SIZE: number = 10;

  /**
   * Frequent writes and locking reads run as prepared statements, parsed and planned once per
   * connection (ADR 0018). Turn off behind a pooler in transaction mode, which cannot keep them.
   */
  @Transform(toBool)
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS: boolean = true;

  /** Comma-separated host:port list; when absent the in-process transport is used. */
  @IsOptional()
  @Transform(toList)
  @Matches(/^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/, {
    each: true,
    message: 'KAFKA_BROKERS must be a comma-separated list of host:port (e.g. 127.0.0.1:9092)',
  })
  KAFKA_BROKERS?: string[];

  @IsString()
  @Matches(/^[a-z0-9-]+$/, { message: 'KAFKA_CLIENT_ID may hold lowercase letters, digits and dashes' })
  KAFKA_CLIENT_ID = 'chuishao';

  @IsInt()
  @Min(1)
  @Max(256)
  @Type(() => Number)
  KAFKA_PARTITIONS: number = 6;

  /**
   * Without Kafka: how many lanes each consumer group of the in-process transport runs side by
   * side (a ticket's events always take the same lane, in order). One lane applies everything
   * that queued while its last batch ran in one transaction: the fullest batches, the least work
   * per ticket (ADR 0024); more lanes overlap a group's transactions, and a message being retried
   * holds up only its lane's share of the keys.
   */
  @IsInt({ message: 'LOCAL_TRANSPORT_LANES must be a whole number from 1 to 64' })
  @Min(1, { message: 'LOCAL_TRANSPORT_LANES must be a whole number from 1 to 64' })
  @Max(64, { message: 'LOCAL_TRANSPORT_LANES must be a whole number from 1 to 64' })
  @Type(() => Number)
  LOCAL_TRANSPORT_LANES: number = 1;

  /** Prepended to every topic and consumer group: several systems (or test runs) can share a cluster. */
  @IsOptional()
  @Matches(/^[a-z0-9._-]{1,40}$/, {
    message: 'KAFKA_TOPIC_PREFIX may hold lowercase letters, digits, dot, dash, underscore',
  })
  KAFKA_TOPIC_PREFIX?: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  @Type(() => Number)
  CONSUMER_MAX_ATTEMPTS: number = 5;

  /**
   * With the in-process transport, outbox batches a relay hands over before the first is applied
   * (ADR 0003): more keeps a slow consumer group from holding up the others; 1 is one at a time.
   */
  @IsInt({ message: 'LOCAL_RELAY_BATCHES_IN_FLIGHT must be a whole number from 1 to 64' })
  @Min(1, { message: 'LOCAL_RELAY_BATCHES_IN_FLIGHT must be a whole number from 1 to 64' })
  @Max(64, { message: 'LOCAL_RELAY_BATCHES_IN_FLIGHT must be a whole number from 1 to 64' })
  @Type(() => Number)
  LOCAL_RELAY_BATCHES_IN_FLIGHT: number = 8;

  /** Where local state lives: embedded PostgreSQL data, attachments, generated secrets. */
  @IsString()
  @MinLength(1)
  DATA_DIR = '.data';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  LOG_PRETTY?: boolean;

  /** Comma-separated origins allowed by CORS. Empty: CORS closed. */
  @IsOptional()
  @Transform(toList)
  @Matches(/^https?:\/\/[^\s/]+$/, {
    each: true,
    message: 'CORS_ORIGINS must be a comma-separated list of origins like https://example.org',
  })
  CORS_ORIGINS?: string[];

  /** Secret for signing access tokens (HS256). Generated and kept under DATA_DIR when absent. */
  @IsOptional()
  @ValidateIf((_, v) => v !== undefined)
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsString()
  BODY_LIMIT = '1mb';
}
