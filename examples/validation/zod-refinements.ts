/**
 * @title Cross-field validation with zod superRefine: date ranges and password confirmation
 * @tags validation, zod, refine, superRefine, cross-field, dates
 * @stack zod, typescript
 */
import { z } from 'zod';

export const Booking = z
  .object({ startsAt: z.coerce.date(), endsAt: z.coerce.date(), guests: z.number().int().min(1).max(12) })
  .superRefine((booking, ctx) => {
    if (booking.endsAt <= booking.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'the booking must end after it starts' });
    }
  });

export const PasswordChange = z
  .object({ password: z.string().min(12), confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'passwords do not match' });
