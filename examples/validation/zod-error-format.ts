/**
 * @title Turn zod validation issues into a field-to-messages map for API responses
 * @tags validation, zod, error messages, api response, field errors
 * @stack zod, typescript
 */
import type { ZodError } from 'zod';

export function fieldErrors(error: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.join('.') : '_root';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
