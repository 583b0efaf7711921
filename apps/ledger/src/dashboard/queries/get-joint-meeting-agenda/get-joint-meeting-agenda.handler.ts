import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { TicketList, ticketView, visibleTo } from '../../../shared/ticket-view';
import { JointMeetingReader } from '../../infrastructure/joint-meeting.reader';
import { GetJointMeetingAgendaQuery } from './get-joint-meeting-agenda.query';

/** Tickets escalated to the joint meeting by the SLA ladder or supervised to it by the committee. */
@QueryHandler(GetJointMeetingAgendaQuery)
export class GetJointMeetingAgendaHandler implements IQueryHandler<GetJointMeetingAgendaQuery, TicketList> {
  constructor(
    private readonly meetings: JointMeetingReader,
    private readonly names: NamesReader,
  ) {}

  async execute(q: GetJointMeetingAgendaQuery): Promise<TicketList> {
    const rows = await this.meetings.agenda(q.includeClosed);
    const names = await this.names.load();
    return { items: visibleTo(q.user, rows).map((r) => ticketView(r, names)) };
  }
}
