import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore } from '../../store/testing/test-store';
import { login } from '../auth/sessions';
import { LoginThrottle } from '../../domain/auth/login-throttle';
import { seedDemo } from './seed-demo';

describe('seedDemo', () => {
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeAll(async () => {
    store = await openTestStore();
  });
  afterAll(async () => store.dispose());

  it('loads both unit lists and the demo accounts once', async () => {
    const first = await seedDemo(store);
    expect(first.unitsLoaded).toBe(true);
    expect(first.created).toEqual(['admin', 'sonoivu', 'xababe', 'xachodon']);
    const units = await store.units.count();
    expect(units).toBe(63 + 696 + 10035 + 34 + 3321);

    const second = await seedDemo(store);
    expect(second).toMatchObject({ unitsLoaded: false, created: [] });
    expect(await store.units.count()).toBe(units);
    expect(await store.users.count()).toBe(4);
  }, 120_000);

  it('binds the officers to communes of the demo province in today\u2019s tree', async () => {
    const { accounts } = await seedDemo(store);
    const session = await login(store, new LoginThrottle(), { username: 'xababe', password: accounts[0]!.password, clientKey: 't' });
    expect(session.user.unit).toMatchObject({ name: 'Xã Ba Bể', level: 'commune', validFrom: '2025-07-01' });
    const [province] = await store.units.ancestors(session.user.unit.id);
    expect(province).toMatchObject({ code: '19', name: 'Tỉnh Thái Nguyên' });
  });
});
