import { InlineUnitOfWork } from '@ticketing/testing';
import { InAppNotification } from '../../domain/in-app-notification.aggregate';
import { InMemoryInAppNotificationRepository } from '../../infrastructure/in-app-notification.in-memory-repository';
import { MarkReadCommand } from './mark-read.command';
import { MarkReadHandler } from './mark-read.handler';

const MINE = '0193a000-0000-7000-8000-0000000000c1';
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

describe('MarkReadHandler', () => {
  const setup = () => {
    const uow = new InlineUnitOfWork();
    const notifications = new InMemoryInAppNotificationRepository([notification(MINE, 'u-hr-a')]);
    return { uow, notifications, handler: new MarkReadHandler(uow, notifications) };
  };

  it("marks the reader's own notification read, once: marking it again keeps the first time", async () => {
    const { uow, notifications, handler } = setup();
    await handler.execute(MarkReadCommand.create({ userId: 'u-hr-a', notificationId: MINE }));
    const first = notifications.rows.get(MINE)?.readAt;
    expect(first).toBeInstanceOf(Date);
    await handler.execute(MarkReadCommand.create({ userId: 'u-hr-a', notificationId: MINE }));
    expect(notifications.rows.get(MINE)?.readAt).toBe(first);
    expect(uow.transactions).toBe(2);
  });

  it("answers 404 for another user's notification and leaves it unread", async () => {
    const { notifications, handler } = setup();
    await expect(
      handler.execute(MarkReadCommand.create({ userId: 'u-hr-b', notificationId: MINE })),
    ).rejects.toMatchObject({ code: 'notFound', message: `notification ${MINE} does not exist` });
    expect(notifications.rows.get(MINE)?.readAt).toBeNull();
  });
});
