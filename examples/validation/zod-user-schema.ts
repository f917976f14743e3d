/**
 * @title Zod schemas for creating and updating a user, with inferred TypeScript types
 * @tags validation, zod, schema, user, infer, partial update
 * @stack zod, typescript
 */
import { z } from 'zod';

export const CreateUser = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(12, 'use at least 12 characters'),
  role: z.enum(['admin', 'member']).default('member'),
});

export const UpdateUser = CreateUser.omit({ password: true }).partial().refine((v) => Object.keys(v).length > 0, {
  message: 'send at least one field to change',
});

export type CreateUser = z.infer<typeof CreateUser>;
export type UpdateUser = z.infer<typeof UpdateUser>;
