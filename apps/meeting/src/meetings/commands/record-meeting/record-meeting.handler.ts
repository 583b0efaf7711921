import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { fieldProblem, notFound } from '@ticketing/platform';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { Decision } from '../../../decisions/domain/decision.aggregate';
import { DecisionRepository } from '../../../decisions/domain/decision.repository';
import { MeetingDirectory } from '../../../directory/domain/meeting-directory';
import { AgendaSources } from '../../../sources/domain/agenda-sources';
import { MeetingRepository } from '../../domain/meeting.repository';
import { MeetingChangedResponseDto } from '../../meeting-changed.response.dto';
import { AgendaItems } from '../agenda-items';
import { RecordMeetingCommand } from './record-meeting.command';

/**
 * One unit of work: the meeting is recorded (meeting.held) and each decided item becomes a
 * Decision (meeting.decision-made, decided at the meeting's time: its clock counts from then).
 * Every department and enterprise named must be known; nothing is written unless all is right.
 */
@CommandHandler(RecordMeetingCommand)
export class RecordMeetingHandler implements ICommandHandler<
  RecordMeetingCommand,
  MeetingChangedResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly meetings: MeetingRepository,
    private readonly decisions: DecisionRepository,
    private readonly sources: AgendaSources,
    private readonly directory: MeetingDirectory,
  ) {}

  execute(c: RecordMeetingCommand): Promise<MeetingChangedResponseDto> {
    return this.uow.transaction(async () => {
      MeetingAccessPolicy.assertRunsMeetings(c.user);
      const meeting = await this.meetings.lockById(c.meetingId);
      if (!meeting) throw notFound('meeting', c.meetingId);
      meeting.assertVersion(c.expectedVersion);
      const names = new AgendaItems(this.sources, this.directory, this.decisions);
      const errors = [
        ...(await names.unknownDepartments(c.attendance.departmentIds, 'attendance.departmentIds')),
        ...(await names.unknownEnterprises(c.attendance.enterpriseIds, 'attendance.enterpriseIds')),
      ];
      for (const [i, d] of c.decisions.entries()) {
        errors.push(
          ...(await names.unknownDepartments([d.leadDepartmentId], `decisions.${i}.leadDepartmentId`)).map(
            (e) => ({ ...e, field: `decisions.${i}.leadDepartmentId` }),
          ),
        );
        errors.push(
          ...(await names.unknownDepartments(
            d.coHandlerDepartmentIds,
            `decisions.${i}.coHandlerDepartmentIds`,
          )),
        );
      }
      if (errors.length) throw fieldProblem(errors);

      const actor = { id: c.user.id, role: c.user.role };
      const at = new Date();
      const decided = c.decisions.map((d) => ({ ...d, decisionId: newId() }));
      meeting.hold(
        { heldAt: c.heldAt, attendance: c.attendance, summary: c.summary, decisions: decided },
        actor,
        at,
      );
      const made = decided.map((d, i) => {
        const item = meeting.item(d.itemId)!;
        return Decision.make(
          {
            id: d.decisionId,
            meetingId: meeting.id,
            itemId: item.itemId,
            ticketId: item.ticketId,
            needId: item.needId,
            enterpriseId: item.enterpriseId,
            title: (d.title ?? item.title).slice(0, 200),
            task: d.task,
            leadDepartmentId: d.leadDepartmentId,
            coHandlerDepartmentIds: d.coHandlerDepartmentIds,
            dueWorkingDays: d.dueWorkingDays,
            cooperation: d.cooperation,
            decidedAt: c.heldAt,
          },
          actor,
          `decisions.${i}`,
        );
      });
      await this.meetings.save(meeting);
      for (const d of made) await this.decisions.add(d);
      return MeetingChangedResponseDto.of(meeting);
    });
  }
}
