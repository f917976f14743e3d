/**
 * @title DateRange value object with overlap and containment checks
 * @tags ddd, value object, date range, scheduling, booking, overlap
 * @stack ddd, typescript
 */
export class DateRange {
  private constructor(
    readonly start: Date,
    readonly end: Date,
  ) {}

  static between(start: Date, end: Date): DateRange {
    if (end.getTime() <= start.getTime()) throw new Error('a range must end after it starts');
    return new DateRange(new Date(start), new Date(end));
  }

  overlaps(other: DateRange): boolean {
    return this.start < other.end && other.start < this.end;
  }

  contains(moment: Date): boolean {
    return moment >= this.start && moment < this.end;
  }

  days(): number {
    return Math.ceil((this.end.getTime() - this.start.getTime()) / 86_400_000);
  }
}
