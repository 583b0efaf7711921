import { SystemTicketCommand } from '../ticket-command';

/**
 * sla.breached for the callback window (回访), which opens when the feedback window lapses: nobody
 * rated in time, neither the enterprise nor the committee on a call; close as no feedback.
 */
export class CloseLapsedFeedbackCommand extends SystemTicketCommand {}
