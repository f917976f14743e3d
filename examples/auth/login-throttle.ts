/**
 * @title Lock an account for a while after repeated failed login attempts
 * @tags auth, brute force, login throttling, lockout, security
 * @stack typescript
 */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; lockedUntil: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly lockMs = 15 * 60_000,
  ) {}

  isLocked(account: string, now = Date.now()): boolean {
    return (this.failures.get(account)?.lockedUntil ?? 0) > now;
  }

  recordFailure(account: string, now = Date.now()): void {
    const entry = this.failures.get(account) ?? { count: 0, lockedUntil: 0 };
    entry.count++;
    if (entry.count >= this.maxFailures) {
      entry.lockedUntil = now + this.lockMs;
      entry.count = 0;
    }
    this.failures.set(account, entry);
  }

  recordSuccess(account: string): void {
    this.failures.delete(account);
  }
}
