import { Command } from '@ticketing/platform';
import { IsDate, IsInt, Max, Min } from 'class-validator';

/** One batch of the oldest pending recompute job, in one short unit of work. */
export class RecomputeTimersCommand extends Command {
  @IsInt() @Min(1) @Max(100_000) readonly batchSize!: number;
  /** When timers that no policy sets any more stop. */
  @IsDate() readonly now!: Date;
}
