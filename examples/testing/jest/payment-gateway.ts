/**
 * @title Payment gateway client module (the dependency mocked in module-mock.test.ts)
 * @tags payments, http client, external service, fetch
 * @stack typescript
 */
export interface ChargeResult {
  status: 'accepted' | 'declined';
  id: string;
}

export async function charge(amountCents: number, reference: string): Promise<ChargeResult> {
  const res = await fetch('https://payments.example.invalid/charges', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount: amountCents, reference }),
  });
  if (!res.ok) throw new Error(`gateway answered ${res.status}`);
  return (await res.json()) as ChargeResult;
}
