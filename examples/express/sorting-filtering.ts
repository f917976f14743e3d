/**
 * @title Filter and sort a list from query parameters safely (allowlisted fields)
 * @tags express, filtering, sorting, query parameters, list endpoint
 * @stack express, typescript
 */
import type { Request } from 'express';

export interface ListQuery<K extends string> {
  sortBy: K;
  order: 'asc' | 'desc';
  search: string;
}

export function listQuery<K extends string>(req: Request, sortable: readonly K[], fallback: K): ListQuery<K> {
  const wanted = String(req.query.sort ?? fallback);
  const sortBy = (sortable as readonly string[]).includes(wanted) ? (wanted as K) : fallback;
  const order = req.query.order === 'desc' ? 'desc' : 'asc';
  return { sortBy, order, search: String(req.query.q ?? '').trim().toLowerCase() };
}

export function applyListQuery<T extends Record<string, unknown>, K extends keyof T & string>(items: readonly T[], q: ListQuery<K>, searchField: K): T[] {
  const filtered = q.search ? items.filter((i) => String(i[searchField]).toLowerCase().includes(q.search)) : [...items];
  const sign = q.order === 'asc' ? 1 : -1;
  return filtered.sort((a, b) => (a[q.sortBy] < b[q.sortBy] ? -sign : a[q.sortBy] > b[q.sortBy] ? sign : 0));
}
