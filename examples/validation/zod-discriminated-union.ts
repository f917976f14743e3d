/**
 * @title Validate a tagged union of payment methods with zod discriminatedUnion
 * @tags validation, zod, discriminated union, tagged union, payments
 * @stack zod, typescript
 */
import { z } from 'zod';

export const PaymentMethod = z.discriminatedUnion('type', [
  z.object({ type: z.literal('card'), last4: z.string().regex(/^\d{4}$/), expires: z.string().regex(/^\d{2}\/\d{2}$/) }),
  z.object({ type: z.literal('iban'), iban: z.string().min(15).max(34) }),
  z.object({ type: z.literal('paypal'), email: z.string().email() }),
]);

export type PaymentMethod = z.infer<typeof PaymentMethod>;

export function describePayment(method: PaymentMethod): string {
  switch (method.type) {
    case 'card':
      return `card ending ${method.last4}`;
    case 'iban':
      return `bank account ${method.iban.slice(-4)}`;
    case 'paypal':
      return `PayPal ${method.email}`;
  }
}
