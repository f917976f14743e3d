/**
 * @title Jest module mocking with jest.mock for a payment gateway client
 * @tags testing, jest, jest.mock, module mock, external service
 * @stack jest, typescript
 */
import { chargeOrder } from './checkout';
import { charge } from './payment-gateway';

jest.mock('./payment-gateway', () => ({ charge: jest.fn() }));

const mockedCharge = charge as jest.MockedFunction<typeof charge>;

describe('chargeOrder', () => {
  test('marks the order paid when the gateway accepts', async () => {
    mockedCharge.mockResolvedValueOnce({ status: 'accepted', id: 'ch_1' });
    await expect(chargeOrder({ id: 'o1', totalCents: 1200 })).resolves.toEqual({ orderId: 'o1', paid: true, chargeId: 'ch_1' });
  });

  test('reports a declined card', async () => {
    mockedCharge.mockResolvedValueOnce({ status: 'declined', id: 'ch_2' });
    await expect(chargeOrder({ id: 'o2', totalCents: 500 })).resolves.toMatchObject({ paid: false });
  });
});
