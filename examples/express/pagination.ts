/**
 * @title Parse limit and offset query parameters and return a paginated list response
 * @tags express, pagination, query string, limit, offset, list endpoint
 * @stack express, typescript
 */
import type { Request } from 'express';

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export function pageParams(req: Request, maxLimit = 100): { limit: number; offset: number } {
  const limit = Math.min(Math.max(Number(req.query.limit ?? 20) || 20, 1), maxLimit);
  const offset = Math.max(Number(req.query.offset ?? 0) || 0, 0);
  return { limit, offset };
}

export function paginate<T>(all: readonly T[], limit: number, offset: number): Page<T> {
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}
