import { Command } from '@ticketing/platform';
import { IsDate, IsInt, Max, Min } from 'class-validator';

/** Fire what is due by `now`: at most `limit` steps, in one unit of work. */
export class FireDueStepsCommand extends Command {
  @IsDate() readonly now!: Date;
  @IsInt() @Min(1) @Max(10_000) readonly limit!: number;
}

export interface DueStepsFired {
  /** Steps claimed: at `limit`, more may be due at once. */
  claimed: number;
  /** When the next unfired step is due (epoch ms); null when none is planned. */
  nextAt: number | null;
}
