/**
 * @title Anti-corruption layer translating an external API model into the domain model
 * @tags ddd, bounded context, anti-corruption layer, mapping, integration
 * @stack ddd, typescript
 */
interface BillingApiCustomer {
  cust_id: string;
  full_name: string;
  email_addr: string | null;
  status_code: 'A' | 'S' | 'C';
}

export interface Customer {
  id: string;
  name: string;
  email: string | null;
  active: boolean;
}

export function toDomainCustomer(external: BillingApiCustomer): Customer {
  return {
    id: external.cust_id,
    name: external.full_name.trim(),
    email: external.email_addr?.toLowerCase() ?? null,
    active: external.status_code === 'A',
  };
}
