import { IsIn, IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export const SupervisionLevels = ['urge', 'supervise', 'joint_meeting'] as const;
export type SupervisionLevel = (typeof SupervisionLevels)[number];

export class SuperviseTicketCommand extends PersonTicketCommand {
  @IsIn([...SupervisionLevels]) readonly level!: SupervisionLevel;
  @IsString() @MaxLength(2000) readonly note!: string;
}
