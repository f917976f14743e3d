/**
 * @title Specification pattern composing business rules with and, or and not
 * @tags ddd, specification, business rules, composition, predicates
 * @stack ddd, typescript
 */
export interface Specification<T> {
  isSatisfiedBy(candidate: T): boolean;
}

export function spec<T>(predicate: (candidate: T) => boolean): Specification<T> {
  return { isSatisfiedBy: predicate };
}

export function and<T>(...specs: Specification<T>[]): Specification<T> {
  return spec((c) => specs.every((s) => s.isSatisfiedBy(c)));
}

export function or<T>(...specs: Specification<T>[]): Specification<T> {
  return spec((c) => specs.some((s) => s.isSatisfiedBy(c)));
}

export function not<T>(inner: Specification<T>): Specification<T> {
  return spec((c) => !inner.isSatisfiedBy(c));
}

interface Customer {
  orders: number;
  country: string;
}

export const eligibleForDiscount = and<Customer>(
  spec((c) => c.orders >= 5),
  not(spec((c) => c.country === 'embargoed')),
);
