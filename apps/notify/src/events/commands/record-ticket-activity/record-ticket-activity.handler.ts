import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuthUser, TicketVisibility } from '@ticketing/auth';
import { Clock, newId, Role, Roles } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { Correlation } from '@ticketing/observability';
import { Delivery } from '../../../deliveries/domain/delivery.aggregate';
import { DeliveryRepository } from '../../../deliveries/domain/delivery.repository';
import { DirectoryRepository, DirectoryUser } from '../../../directory/domain/directory.repository';
import { InAppNotification } from '../../../inapp/domain/in-app-notification.aggregate';
import { InAppNotificationRepository } from '../../../inapp/domain/in-app-notification.repository';
import { audienceOf } from '../../../inapp/domain/recipients';
import { NameBook, renderMessage } from '../../../messages/domain/message-templates';
import { smsMessageOf } from '../../../messages/domain/sms-message';
import { SmsPreferenceRepository } from '../../../sms-preferences/domain/sms-preference.repository';
import { mobileOf, SmsMessage } from '../../../subscriptions/domain/sms-settings';
import { NOTIFY_SETTINGS, NotifySettings } from '../../../notify.env';
import { SubscriptionRepository } from '../../../subscriptions/domain/subscription.repository';
import { applyEvent, EventView, TicketFacts, viewedEvent, viewOf } from '../../domain/event-view';
import { TICKET_NOTIFY_TYPES } from '../../domain/notify-events';
import { TicketActivityEvent } from '../../domain/ticket-activity';
import { TicketFactsRepository } from '../../domain/ticket-facts.repository';
import { RecordTicketActivityCommand } from './record-ticket-activity.command';

const isRole = (r: string): r is Role => (Roles as readonly string[]).includes(r);

/** A directory user as the one visibility rule reads a caller. */
const asCaller = (u: DirectoryUser): AuthUser | null =>
  isRole(u.role)
    ? {
        id: u.id,
        role: u.role,
        name: u.displayName,
        departmentId: u.departmentId ?? undefined,
        enterpriseId: u.enterpriseId ?? undefined,
        gridIds: u.gridIds,
      }
    : null;

/** What one event makes: its deliveries and in-app notifications, not stored yet. */
interface Effects {
  deliveries: Delivery[];
  notifications: InAppNotification[];
}

/**
 * Turns events about tickets into work, inside the inbox transaction and nothing more: the ticket
 * facts they update, one delivery per matching subscription and one in-app notification per
 * recipient who may see the ticket, for each event. Sending is the worker's job, so a receiver that
 * is down never slows intake; the senders and the open streams are told at commit.
 *
 * A delivered batch costs one read of every ticket's facts (locked), one write of their final
 * facts and one insert per table, whatever its size: the events are applied in order on the facts
 * in memory, each seeing its ticket as it is after itself and every earlier event of the batch,
 * exactly as one by one.
 */
@CommandHandler(RecordTicketActivityCommand)
export class RecordTicketActivityHandler implements ICommandHandler<RecordTicketActivityCommand, void> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: TicketFactsRepository,
    private readonly directory: DirectoryRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly notifications: InAppNotificationRepository,
    private readonly smsPreferences: SmsPreferenceRepository,
    @Inject(NOTIFY_SETTINGS) private readonly settings: NotifySettings,
  ) {}

  execute(c: RecordTicketActivityCommand): Promise<void> {
    return this.uow.transaction(async () => {
      const facts = await this.tickets.lockAll(c.events.map((e) => e.payload.ticketId));
      const deliveries: Delivery[] = [];
      const notifications: InAppNotification[] = [];
      for (const event of c.events) {
        const after = applyEvent(facts.get(event.payload.ticketId)!, event);
        facts.set(after.ticketId, after);
        // Under the event's own correlation id, as one by one (a batch runs under its first event's).
        const made = await Correlation.run(event.correlationId, () => this.effectsOf(event, after), event.id);
        deliveries.push(...made.deliveries);
        notifications.push(...made.notifications);
      }
      await this.tickets.saveAll([...facts.values()]);
      await this.deliveries.save(deliveries);
      await this.notifications.save(notifications);
    });
  }

  /** The deliveries and notifications of one event, given its ticket's facts after it. */
  private async effectsOf(event: TicketActivityEvent, facts: TicketFacts): Promise<Effects> {
    const none: Effects = { deliveries: [], notifications: [] };
    // Not told: ticket.note-added above all (内部备注 is for staff; no message carries it).
    if (!TICKET_NOTIFY_TYPES.includes(event.type)) return none;

    const ticketId = event.payload.ticketId;
    const view = viewOf(viewedEvent(event), facts);
    const names = await this.directory.names(
      view.departmentIds,
      facts.enterpriseId ? [facts.enterpriseId] : [],
    );
    const now = Clock.now();
    const matching = (await this.subscriptions.forEvent(event.type)).filter((s) => s.matches(view));
    const sms = matching.some((s) => s.channel === 'sms') ? await this.smsOf(view, names) : null;
    const deliveries = matching.flatMap((sub) => {
      if (sub.channel === 'sms' && !sms) return [];
      const message = renderMessage(view, names, sub.language, this.settings.publicBaseUrl);
      return [
        Delivery.queue({
          id: newId(),
          subscription: { id: sub.id, channel: sub.channel },
          event: { id: event.id, type: event.type, occurredAt: event.occurredAt },
          ticketId,
          message: sub.channel === 'sms' ? { ...message, sms: sms! } : message,
          now,
        }),
      ];
    });

    const recipients = await this.recipientsOf(view);
    if (!recipients.length) return { ...none, deliveries };
    const zh = renderMessage(view, names, 'zh', this.settings.publicBaseUrl);
    const body = [zh.summary, ...zh.facts.map((f) => `${f.label}：${f.value}`)].join('\n');
    const notifications = recipients.map((userId) =>
      InAppNotification.create({
        id: newId(),
        userId,
        eventId: event.id,
        eventType: event.type,
        ticketId,
        title: zh.title,
        body,
        link: zh.link,
        now,
      }),
    );
    return { deliveries, notifications };
  }

  /**
   * The SMS to the ticket's contact, or null: the enterprise turned SMS off, the contact's phone
   * is not a mobile number, or notify has not seen the ticket's submission.
   */
  private async smsOf(view: EventView, names: NameBook): Promise<SmsMessage | null> {
    const phone = mobileOf(view.ticket.contactPhone);
    if (!phone || !view.ticket.enterpriseId) return null;
    if (!(await this.smsPreferences.get(view.ticket.enterpriseId)).enabled) return null;
    return smsMessageOf(view, names, phone);
  }

  /** The people the event concerns, less anyone the one visibility rule keeps from seeing the ticket. */
  private async recipientsOf(view: EventView): Promise<string[]> {
    const candidates = await this.directory.usersIn(audienceOf(view));
    return candidates
      .filter((u) => {
        const caller = asCaller(u);
        return !!caller && TicketVisibility.canSee(caller, view.ticket);
      })
      .map((u) => u.id);
  }
}
