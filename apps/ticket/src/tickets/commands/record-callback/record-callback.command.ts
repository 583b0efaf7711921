import { Satisfaction, Satisfactions } from '@ticketing/contracts';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

/** 回访: the committee records the enterprise's answers on a call, once its own feedback window lapsed. */
export class RecordCallbackCommand extends PersonTicketCommand {
  @IsBoolean() readonly contacted!: boolean;
  @IsBoolean() readonly solved!: boolean;
  @IsIn([...Satisfactions]) readonly satisfaction!: Satisfaction;
  @IsOptional() @IsString() @MaxLength(2000) readonly comment!: string | null;
}
