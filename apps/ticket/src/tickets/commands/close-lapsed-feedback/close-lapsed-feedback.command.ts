import { SystemTicketCommand } from '../../system-change';

/** sla.breached for the feedback window: the enterprise did not rate in time; close as no feedback. */
export class CloseLapsedFeedbackCommand extends SystemTicketCommand {}
