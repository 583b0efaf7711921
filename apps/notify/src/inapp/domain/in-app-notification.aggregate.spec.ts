import { InAppNotification } from './in-app-notification.aggregate';

describe('InAppNotification', () => {
  it('is read once: marking it again keeps the first time and changes nothing', () => {
    const n = InAppNotification.create({
      id: 'n-1',
      userId: 'u-1',
      eventId: 'e-1',
      eventType: 'ticket.assigned',
      ticketId: 't-1',
      title: '新诉求待签收',
      body: '…',
      link: null,
      now: new Date('2026-03-02T01:00:00Z'),
    });
    expect(n.pullChanges()).toEqual(['created']);
    expect(n.readAt).toBeNull();
    expect(n.markRead(new Date('2026-03-02T02:00:00Z'))).toBe(true);
    expect(n.markRead(new Date('2026-03-02T03:00:00Z'))).toBe(false);
    expect(n.readAt).toEqual(new Date('2026-03-02T02:00:00Z'));
    expect(n.pullChanges()).toEqual(['read']);
  });
});
