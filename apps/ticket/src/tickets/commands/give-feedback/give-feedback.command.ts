import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Satisfaction, Satisfactions } from '@ticketing/contracts';
import { PersonTicketCommand } from '../ticket-command';

export class GiveFeedbackCommand extends PersonTicketCommand {
  @IsBoolean() readonly contacted!: boolean;
  @IsBoolean() readonly solved!: boolean;
  @IsIn([...Satisfactions]) readonly satisfaction!: Satisfaction;
  @IsOptional() @IsString() @MaxLength(2000) readonly comment!: string | null;
}
