/**
 * @title Branded identifier types so a UserId cannot be passed where a ProjectId is expected
 * @tags ddd, identity, branded types, type safety, entity id
 * @stack ddd, typescript
 */
import { randomUUID } from 'node:crypto';

declare const brand: unique symbol;
export type Id<Kind extends string> = string & { readonly [brand]: Kind };

export type UserId = Id<'User'>;
export type ProjectId = Id<'Project'>;

export function newId<Kind extends string>(): Id<Kind> {
  return randomUUID() as Id<Kind>;
}

export function parseId<Kind extends string>(raw: string): Id<Kind> {
  if (!/^[0-9a-f-]{36}$/i.test(raw)) throw new Error(`"${raw}" is not a valid id`);
  return raw as Id<Kind>;
}
