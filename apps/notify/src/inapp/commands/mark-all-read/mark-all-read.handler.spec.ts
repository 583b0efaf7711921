import { InlineUnitOfWork } from '@ticketing/testing';
import { InAppNotification } from '../../domain/in-app-notification.aggregate';
import { InMemoryInAppNotificationRepository } from '../../infrastructure/in-app-notification.in-memory-repository';
import { MarkAllReadCommand } from './mark-all-read.command';
import { MarkAllReadHandler } from './mark-all-read.handler';

const notification = (id: string, userId: string) =>
  InAppNotification.create({
    id,
    userId,
    eventId: `e-${id}`,
    eventType: 'ticket.assigned',
    ticketId: 't-1',
    title: '新诉求待签收',
    body: '…',
    link: null,
    now: new Date('2026-03-02T01:00:00Z'),
  });

describe('MarkAllReadHandler', () => {
  it("marks every unread notification of the reader read, counts them, and touches nobody else's", async () => {
    const read = notification('n-read', 'u-hr-a');
    read.markRead(new Date('2026-03-02T02:00:00Z'));
    const notifications = new InMemoryInAppNotificationRepository([
      notification('n-1', 'u-hr-a'),
      notification('n-2', 'u-hr-a'),
      read,
      notification('n-other', 'u-hr-b'),
    ]);
    const uow = new InlineUnitOfWork();
    const handler = new MarkAllReadHandler(uow, notifications);

    expect(await handler.execute(MarkAllReadCommand.create({ userId: 'u-hr-a' }))).toEqual({ marked: 2 });
    expect(uow.transactions).toBe(1);
    expect(notifications.rows.get('n-read')?.readAt).toEqual(new Date('2026-03-02T02:00:00Z'));
    expect(notifications.rows.get('n-other')?.readAt).toBeNull();
    expect(await handler.execute(MarkAllReadCommand.create({ userId: 'u-hr-a' }))).toEqual({ marked: 0 });
  });

  it('refuses a command without a reader when it is built', () => {
    expect(() => MarkAllReadCommand.create({ userId: '' })).toThrow(/userId/);
  });
});
