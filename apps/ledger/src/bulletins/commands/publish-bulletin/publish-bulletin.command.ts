import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, Matches, MaxLength } from 'class-validator';
import { PERIOD_FORMAT } from '../../../shared/query-fields';

/** Publish the bulletin (工作通报) of a month, a quarter or a year. */
export class PublishBulletinCommand extends Command {
  @IsDefined()
  readonly user!: AuthUser;

  @MaxLength(7)
  @Matches(PERIOD_FORMAT, {
    message: 'period must be a month (2026-12), a quarter (2026-Q4) or a year (2026)',
  })
  readonly period!: string;
}
