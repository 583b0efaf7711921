export class TicketHistoryQuery {
  constructor(readonly ticketId: string) {}
}
