/**
 * @title Small hand-written validators without a library, collecting every error
 * @tags validation, validators, no dependencies, error collection, forms
 * @stack typescript
 */
export type Check<T> = (value: T) => string | null;

export const required: Check<string> = (v) => (v.trim() === '' ? 'is required' : null);
export const maxLength = (n: number): Check<string> => (v) => (v.length > n ? `must be at most ${n} characters` : null);
export const matches = (re: RegExp, what: string): Check<string> => (v) => (re.test(v) ? null : `must be ${what}`);

export function validate<T extends Record<string, string>>(input: T, rules: { [K in keyof T]?: Check<string>[] }): Partial<Record<keyof T, string[]>> {
  const errors: Partial<Record<keyof T, string[]>> = {};
  for (const key of Object.keys(rules) as (keyof T)[]) {
    const messages = (rules[key] ?? []).map((check) => check(input[key] ?? '')).filter((m): m is string => m !== null);
    if (messages.length > 0) errors[key] = messages;
  }
  return errors;
}
