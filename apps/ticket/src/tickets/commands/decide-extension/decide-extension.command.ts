import { IsBoolean, IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class DecideExtensionCommand extends PersonTicketCommand {
  @IsBoolean() readonly approved!: boolean;
  @IsOptional() @IsString() @MaxLength(2000) readonly note!: string | null;
  @IsOptional() @IsDate() readonly newDueAt!: Date | null;
}
