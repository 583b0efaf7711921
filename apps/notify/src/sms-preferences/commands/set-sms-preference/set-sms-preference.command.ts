import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsBoolean, IsDefined, IsInt, IsOptional, Max, Min } from 'class-validator';

export class SetSmsPreferenceCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsBoolean() readonly enabled!: boolean;
  @IsOptional() @IsInt() @Min(0) @Max(2147483647) readonly expectedVersion?: number;
}
