/**
 * @title Coerce and validate URL query parameters (numbers, booleans, lists) with zod
 * @tags validation, zod, query parameters, coercion, defaults
 * @stack zod, typescript
 */
import { z } from 'zod';

export const ListTasksQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
  done: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  tags: z
    .string()
    .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
    .optional(),
});

export function parseListQuery(params: URLSearchParams) {
  return ListTasksQuery.safeParse(Object.fromEntries(params));
}
