/**
 * @title Email value object: validated, normalised, compared by value
 * @tags ddd, value object, email, immutability, validation
 * @stack ddd, typescript
 */
export class Email {
  private constructor(readonly value: string) {}

  static parse(raw: string): Email {
    const value = raw.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) throw new Error(`"${raw}" is not an email address`);
    return new Email(value);
  }

  equals(other: Email): boolean {
    return this.value === other.value;
  }

  toString(): string {
    return this.value;
  }
}
