import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { OutreachDirectory } from '../../../directory/domain/outreach-directory';
import { WorkLogEntry } from '../../domain/work-log-entry.aggregate';
import { WorkLogRepository } from '../../domain/work-log.repository';
import { LogWorkCommand } from './log-work.command';

/** One unit of work; an enterprise named must be one of the instructor's grids. */
@CommandHandler(LogWorkCommand)
export class LogWorkHandler implements ICommandHandler<LogWorkCommand, { id: string; version: number }> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly log: WorkLogRepository,
    private readonly directory: OutreachDirectory,
  ) {}

  execute(c: LogWorkCommand): Promise<{ id: string; version: number }> {
    return this.uow.transaction(async () => {
      if (c.enterpriseId) {
        OutreachAccessPolicy.visitableEnterprise(
          c.user,
          c.enterpriseId,
          await this.directory.findEnterprise(c.enterpriseId),
        );
      }
      const entry = WorkLogEntry.log({
        id: newId(),
        instructorUserId: c.user.id,
        day: c.day,
        kind: c.kind,
        title: c.title,
        content: c.content,
        enterpriseId: c.enterpriseId,
        hours: c.hours,
        at: new Date(),
        actor: { id: c.user.id, role: c.user.role },
      });
      await this.log.add(entry);
      return { id: entry.id, version: entry.version };
    });
  }
}
