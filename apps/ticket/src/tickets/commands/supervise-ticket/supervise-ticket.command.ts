import { AuthUser } from '@ticketing/auth';

export const SupervisionLevels = ['urge', 'supervise', 'joint_meeting'] as const;
export type SupervisionLevel = (typeof SupervisionLevels)[number];

export class SuperviseTicketCommand {
  constructor(
    readonly user: AuthUser,
    readonly ticketId: string,
    readonly expectedVersion: number,
    readonly level: SupervisionLevel,
    readonly note: string,
  ) {}
}
