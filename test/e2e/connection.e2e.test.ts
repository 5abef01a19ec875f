/** Connecting an account, end to end over HTTP against the local OnceHub simulator. */
import { offline } from '../support/app';
import { startWorld, type World } from './world';

let world: World;
beforeAll(() => offline({ loopback: true }));
beforeEach(async () => {
  world = await startWorld({ seed: 7 });
});
afterEach(() => world.close());

it('connects with a key and Login ID and labels the connection with who it is', async () => {
  const { label, account } = await world.zapier.connect({ apiKey: world.key, loginId: 'michael@example.com' });
  expect(label).toBe('Michael Smith (michael@example.com)');
  expect(account).toMatchObject({ id: world.michael.id, role: 'Account Owner', account_email: 'michael@example.com' });
});

it('a member’s connection names the account too', async () => {
  const { label } = await world.zapier.connect({ apiKey: world.key, loginId: ' DANA@example.com' });
  expect(label).toBe('Dana Lee (dana@example.com) · account michael@example.com');
});

it('a wrong key is refused with advice on where to get a current one', async () => {
  await expect(world.zapier.connect({ apiKey: 'not-a-real-key', loginId: 'michael@example.com' })).rejects.toThrow(
    /did not accept this API key.*APIs & Webhooks.*Invalid API key.*Request-Id: req_/,
  );
});

it('a Login ID outside the account is refused, naming both', async () => {
  await expect(world.zapier.connect({ apiKey: world.key, loginId: 'stranger@example.com' })).rejects.toThrow(
    /stranger@example\.com is not a user of the OnceHub account michael@example\.com/,
  );
});

it('a regenerated key stops connecting at once, and the new key connects', async () => {
  const fresh = world.sim.regenerateApiKey(world.key);
  await expect(world.zapier.connect({ apiKey: world.key, loginId: 'michael@example.com' })).rejects.toThrow(
    /regenerated or deleted.*Expired API key/,
  );
  await expect(world.zapier.connect({ apiKey: fresh, loginId: 'michael@example.com' })).resolves.toMatchObject({
    label: 'Michael Smith (michael@example.com)',
  });
});

it('an account on a plan without API access is told so', async () => {
  const { accountId } = world.sim.createAccount({
    product: 'booking_pages',
    owner: { email: 'free@example.com', first_name: 'Fran', last_name: 'Free' },
    apiAccess: false,
  });
  const key = world.sim.createApiKey(accountId);
  await expect(world.zapier.connect({ apiKey: key, loginId: 'free@example.com' })).rejects.toThrow(/plan does not include API access/);
});

it('an Account ID login connects and is labelled with the account owner', async () => {
  const { label, account } = await world.zapier.connect({ apiKey: world.key, loginId: world.accountId });
  expect(account.login_id_type).toBe('account_id');
  expect(label).toBe('Michael Smith (michael@example.com)');
});

it('sends the key only in the API-Key header of the connection test’s requests', async () => {
  world.sim.resetRequests();
  await world.zapier.connect({ apiKey: world.key, loginId: 'michael@example.com' });
  const requests = world.sim.requests();
  expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v2/test', 'GET /v2/users']);
  expect(requests.every((r) => r.hadApiKey)).toBe(true);
  expect(JSON.stringify(requests)).not.toContain(world.key);
});
