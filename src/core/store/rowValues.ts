/** Typed reads of sql.js result rows; a wrong type means the schema and the code disagree. */
import type { Row } from './database';

/** Text column that must not be NULL. */
export function str(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new TypeError(`Column ${column}: expected text, got ${typeof value}`);
  return value;
}

/** Text column that may be NULL. */
export function strOrNull(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : str(row, column);
}

/** Numeric column that must not be NULL. */
export function num(row: Row, column: string): number {
  const value = row[column];
  if (typeof value !== 'number') throw new TypeError(`Column ${column}: expected a number, got ${typeof value}`);
  return value;
}

/** Numeric column that may be NULL. */
export function numOrNull(row: Row, column: string): number | null {
  const value = row[column];
  return value === null || value === undefined ? null : num(row, column);
}
