import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuthUser, TicketVisibility } from '@ticketing/auth';
import { Clock, newId, Role, Roles } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
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
import { applyEvent, EventView, viewedEvent, viewOf } from '../../domain/event-view';
import { TICKET_NOTIFY_TYPES } from '../../domain/notify-events';
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

/**
 * Turns an event about a ticket into work, inside the inbox transaction and nothing more: the
 * ticket facts it updates, one delivery per matching subscription and one in-app notification per
 * recipient who may see the ticket. Sending is the worker's job, so a receiver that is down never
 * slows intake; the senders and the open streams are told at commit.
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
      const facts = applyEvent(await this.tickets.lock(c.ticketId), c.event);
      await this.tickets.save(facts);
      // Not told: ticket.note-added above all (内部备注 is for staff; no message carries it).
      if (!TICKET_NOTIFY_TYPES.includes(c.event.type)) return;

      const view = viewOf(viewedEvent(c.event), facts);
      const names = await this.directory.names(
        view.departmentIds,
        facts.enterpriseId ? [facts.enterpriseId] : [],
      );
      const now = Clock.now();
      const matching = (await this.subscriptions.forEvent(c.event.type)).filter((s) => s.matches(view));
      const sms = matching.some((s) => s.channel === 'sms') ? await this.smsOf(view, names) : null;
      await this.deliveries.save(
        matching.flatMap((sub) => {
          if (sub.channel === 'sms' && !sms) return [];
          const message = renderMessage(view, names, sub.language, this.settings.publicBaseUrl);
          return [
            Delivery.queue({
              id: newId(),
              subscription: { id: sub.id, channel: sub.channel },
              event: { id: c.event.id, type: c.event.type, occurredAt: c.event.occurredAt },
              ticketId: c.ticketId,
              message: sub.channel === 'sms' ? { ...message, sms: sms! } : message,
              now,
            }),
          ];
        }),
      );

      const recipients = await this.recipientsOf(view);
      if (!recipients.length) return;
      const zh = renderMessage(view, names, 'zh', this.settings.publicBaseUrl);
      const body = [zh.summary, ...zh.facts.map((f) => `${f.label}：${f.value}`)].join('\n');
      await this.notifications.save(
        recipients.map((userId) =>
          InAppNotification.create({
            id: newId(),
            userId,
            eventId: c.event.id,
            eventType: c.event.type,
            ticketId: c.ticketId,
            title: zh.title,
            body,
            link: zh.link,
            now,
          }),
        ),
      );
    });
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
