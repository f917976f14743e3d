/**
 * @title Jest inline snapshots for a mapping function's output
 * @tags testing, jest, snapshot, inline snapshot, mapping
 * @stack jest, typescript
 */
import { toDomainCustomer } from '../../ddd/bounded-context-translation';

test('maps the billing customer into the domain model', () => {
  const customer = toDomainCustomer({ cust_id: 'c-1', full_name: '  Ada Lovelace ', email_addr: 'ADA@EXAMPLE.ORG', status_code: 'A' });
  expect(customer).toMatchInlineSnapshot(`
    {
      "active": true,
      "email": "ada@example.org",
      "id": "c-1",
      "name": "Ada Lovelace",
    }
  `);
});
