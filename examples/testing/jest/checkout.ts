/**
 * @title Checkout use case charging an order through the payment gateway
 * @tags payments, checkout, use case, orders
 * @stack typescript
 */
import { charge } from './payment-gateway';

export interface PayableOrder {
  id: string;
  totalCents: number;
}

export async function chargeOrder(order: PayableOrder): Promise<{ orderId: string; paid: boolean; chargeId: string }> {
  const result = await charge(order.totalCents, order.id);
  return { orderId: order.id, paid: result.status === 'accepted', chargeId: result.id };
}
