/**
 * @title Money value object with currency, integer minor units and safe arithmetic
 * @tags ddd, value object, money, currency, arithmetic, immutability
 * @stack ddd, typescript
 */
export class Money {
  private constructor(
    readonly minorUnits: number,
    readonly currency: string,
  ) {}

  static of(amount: number, currency: string): Money {
    if (!/^[A-Z]{3}$/.test(currency)) throw new Error(`bad currency code ${currency}`);
    return new Money(Math.round(amount * 100), currency);
  }

  add(other: Money): Money {
    this.assertSameCurrency(other);
    return new Money(this.minorUnits + other.minorUnits, this.currency);
  }

  multiply(factor: number): Money {
    return new Money(Math.round(this.minorUnits * factor), this.currency);
  }

  isNegative(): boolean {
    return this.minorUnits < 0;
  }

  private assertSameCurrency(other: Money): void {
    if (other.currency !== this.currency) throw new Error(`cannot mix ${this.currency} and ${other.currency}`);
  }
}
