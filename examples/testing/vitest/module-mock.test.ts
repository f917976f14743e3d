/**
 * @title Vitest vi.mock replacing a module and vi.mocked for typed access
 * @tags testing, vitest, vi.mock, module mock, password hashing
 * @stack vitest, typescript
 */
import { describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../../auth/password-hashing';

vi.mock('../../auth/password-hashing', () => ({ verifyPassword: vi.fn(), hashPassword: vi.fn() }));

describe('mocked password check', () => {
  it('lets a test decide the outcome of a slow dependency', async () => {
    vi.mocked(verifyPassword).mockResolvedValue(true);
    await expect(verifyPassword('secret', 'stored')).resolves.toBe(true);
    expect(vi.mocked(verifyPassword)).toHaveBeenCalledWith('secret', 'stored');
  });
});
