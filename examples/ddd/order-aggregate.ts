/**
 * @title Order aggregate with order lines, a total and state transitions
 * @tags ddd, aggregate, order, entity, state machine, invariants
 * @stack ddd, typescript
 */
import { Money } from './money-value-object';

interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPrice: Money;
}

type OrderStatus = 'draft' | 'placed' | 'cancelled';

export class Order {
  private readonly lines: OrderLine[] = [];
  private status: OrderStatus = 'draft';

  constructor(
    readonly id: string,
    readonly currency: string,
  ) {}

  addLine(sku: string, quantity: number, unitPrice: Money): void {
    if (this.status !== 'draft') throw new Error('only a draft order can change');
    if (!Number.isInteger(quantity) || quantity <= 0) throw new Error('quantity must be a positive integer');
    this.lines.push({ sku, quantity, unitPrice });
  }

  total(): Money {
    return this.lines.reduce((sum, line) => sum.add(line.unitPrice.multiply(line.quantity)), Money.of(0, this.currency));
  }

  place(): void {
    if (this.lines.length === 0) throw new Error('an empty order cannot be placed');
    this.status = 'placed';
  }

  cancel(): void {
    if (this.status === 'cancelled') return;
    this.status = 'cancelled';
  }
}
