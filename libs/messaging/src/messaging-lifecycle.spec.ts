import { MessagingLifecycle } from './messaging-lifecycle';

describe('MessagingLifecycle', () => {
  it('subscribes every consumer before any relay starts, and only when started', async () => {
    const lifecycle = new MessagingLifecycle();
    const order: string[] = [];
    lifecycle.relayWhenStarted(() => order.push('relay'));
    await lifecycle.whenStarted(async () => void order.push('consumer a'));
    await lifecycle.whenStarted(async () => void order.push('consumer b'));
    expect(order).toEqual([]);
    await lifecycle.start();
    expect(order).toEqual(['consumer a', 'consumer b', 'relay']);
  });

  it('after start, subscribes and starts at once', async () => {
    const lifecycle = new MessagingLifecycle();
    await lifecycle.start();
    const order: string[] = [];
    await lifecycle.whenStarted(async () => void order.push('late consumer'));
    lifecycle.relayWhenStarted(() => order.push('late relay'));
    expect(order).toEqual(['late consumer', 'late relay']);
  });
});
