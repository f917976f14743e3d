/**
 * @title Vitest vi.fn and vi.spyOn to observe calls to collaborators
 * @tags testing, vitest, spies, mocks, vi.fn, events
 * @stack vitest, typescript
 */
import { describe, expect, it, vi } from 'vitest';
import { EventDispatcher, type DomainEvent } from '../../ddd/domain-events';

describe('EventDispatcher', () => {
  it('calls every handler of the event type in order', async () => {
    const dispatcher = new EventDispatcher();
    const calls: string[] = [];
    dispatcher.on('UserRegistered', vi.fn(() => calls.push('welcome email')));
    dispatcher.on('UserRegistered', vi.fn(() => calls.push('audit log')));
    const event: DomainEvent = { type: 'UserRegistered', occurredAt: new Date() };
    await dispatcher.dispatch([event]);
    expect(calls).toEqual(['welcome email', 'audit log']);
  });

  it('spies on console without silencing the test', () => {
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    console.warn('careful');
    expect(spy).toHaveBeenCalledWith('careful');
    spy.mockRestore();
  });
});
