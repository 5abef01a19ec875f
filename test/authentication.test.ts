import nock from 'nock';
import { API, API_KEY, auth, AUTH, dropdowns, hooks, appTester, failure, offline, oncehub, resetNetwork } from './support/app';

const owner = {
  object: 'user',
  id: 'USR-YX0J4ANZTV',
  first_name: 'Michael',
  last_name: 'Smith',
  email: 'michael@example.com',
  status: 'active',
  role_name: 'Account Owner',
  timezone: 'America/Chicago',
  teams: [],
};
const member = { ...owner, id: 'USR-DANA000001', first_name: 'Dana', last_name: 'Lee', email: 'dana@example.com', role_name: 'Member' };
const list = (data: object[]) => ({ object: 'list', data, has_more: false });
const testOk = (email = 'michael@example.com') => ({ message: `The API key is valid for account: ${email}` });

beforeAll(() => offline());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  resetNetwork();
});

describe('connection test', () => {
  it('returns who is connected and labels the connection with their name and email', async () => {
    oncehub().get('/v2/test').reply(200, testOk());
    oncehub().get('/v2/users').query({ email: 'michael@example.com' }).reply(200, list([owner]));

    const result = await appTester(auth.test, { authData: AUTH });
    expect(result).toEqual({
      id: 'USR-YX0J4ANZTV',
      name: 'Michael Smith',
      first_name: 'Michael',
      last_name: 'Smith',
      email: 'michael@example.com',
      role: 'Account Owner',
      account_email: 'michael@example.com',
      login_id_type: 'email',
      connection_label: 'Michael Smith (michael@example.com)',
    });
    expect(auth.connectionLabel).toBe('{{connection_label}}');
  });

  it('names the account too when the user is not its owner', async () => {
    oncehub().get('/v2/test').reply(200, testOk('admin@example.com'));
    // Sent as typed (OnceHub's case rules for the filter are undocumented); matched ignoring case.
    oncehub().get('/v2/users').query({ email: 'Dana@Example.com' }).reply(200, list([member]));
    const result = await appTester(auth.test, { authData: { apiKey: API_KEY, loginId: ' Dana@Example.com ' } });
    expect(result.connection_label).toBe('Dana Lee (dana@example.com) · account admin@example.com');
  });

  it('trims pasted values and sends the key only in the API-Key header', async () => {
    let seen: { url: string; headers: Record<string, string | string[]> } | undefined;
    nock(API)
      .get('/v2/test')
      .reply(function (uri) {
        seen = { url: uri, headers: this.req.headers };
        return [200, testOk()];
      });
    oncehub().get('/v2/users').query(true).reply(200, list([owner]));

    await appTester(auth.test, { authData: { apiKey: `  ${API_KEY}\n`, loginId: ' michael@example.com ' } });
    expect(seen?.headers['api-key']).toBe(API_KEY);
    expect(seen?.url).not.toContain(API_KEY);
    expect(seen?.headers['user-agent']).toMatch(/^OnceHub-Zapier\/\d+\.\d+\.\d+/);
    expect(seen?.headers.accept).toBe('application/json');
  });

  it('rejects a Login ID that is not a user of the key’s account, naming both', async () => {
    oncehub().get('/v2/test').reply(200, testOk('admin@example.com'));
    oncehub().get('/v2/users').query({ email: 'someone@else.com' }).reply(200, list([]));
    await expect(
      appTester(auth.test, { authData: { apiKey: API_KEY, loginId: 'someone@else.com' } }),
    ).rejects.toThrow(/Login ID someone@else\.com is not a user of the OnceHub account admin@example\.com/);
  });

  it('accepts an Account ID, which the public API cannot verify, and labels with the account owner', async () => {
    oncehub().get('/v2/test').reply(200, testOk('michael@example.com'));
    oncehub().get('/v2/users').query({ email: 'michael@example.com' }).reply(200, list([owner]));
    const result = await appTester(auth.test, { authData: { apiKey: API_KEY, loginId: 'act-bk3la26d857z' } });
    expect(result).toMatchObject({ login_id_type: 'account_id', email: 'michael@example.com', name: 'Michael Smith' });
  });

  it('labels an Account ID connection by the ID when OnceHub names no account email', async () => {
    oncehub().get('/v2/test').reply(200, { message: 'The API key is valid.' });
    const result = await appTester(auth.test, { authData: { apiKey: API_KEY, loginId: 'ACT-BK3LA26D857Z' } });
    expect(result).toMatchObject({ email: null, account_email: null, connection_label: 'OnceHub account ACT-BK3LA26D857Z' });
  });

  it.each([
    ['', /Enter your ScheduleOnce Login ID/],
    ['michael @example.com', /contains spaces/],
    ['michael', /neither an email address nor an Account ID/],
    ['ACT-123', /neither an email address nor an Account ID/],
  ])('explains a malformed Login ID %p before sending anything', async (loginId, message) => {
    await expect(appTester(auth.test, { authData: { apiKey: API_KEY, loginId } })).rejects.toThrow(message);
  });

  it.each([
    ['', /Enter your OnceHub API key/],
    ['abc def', /contains spaces/],
    ['kéy', /characters an OnceHub API key never has/],
  ])('explains a malformed API key %p before sending anything, without echoing it', async (apiKey, message) => {
    const error = await appTester(auth.test, { authData: { apiKey, loginId: 'michael@example.com' } }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(message);
    if (apiKey.trim()) expect((error as Error).message).not.toContain(apiKey);
  });

  it.each([
    ['Invalid API key.'],
    ['Expired API key. The key has been revoked by the account owner.'],
  ])('reports a rejected key (%s) as something to fix, keeping OnceHub’s words and Request-Id', async (message) => {
    oncehub().get('/v2/test').reply(...failure(401, message, 'authentication_error'));
    const error = (await appTester(auth.test, { authData: AUTH }).catch((e: Error) => e)) as Error;
    expect(error.name).toBe('AppError');
    expect(error.message).toContain('did not accept this API key');
    expect(error.message).toContain('regenerated or deleted');
    expect(error.message).toContain('APIs & Webhooks');
    expect(error.message).toContain(message);
    expect(error.message).toContain('req_401abcdef012345');
    expect(error.message).not.toContain(API_KEY);
  });

  it('explains a plan without API access', async () => {
    oncehub()
      .get('/v2/test')
      .reply(
        ...failure(
          403,
          'Your account plan does not support API access. To use the OnceHub API, you must upgrade to the Enterprise plan.',
          'authentication_error',
        ),
      );
    await expect(appTester(auth.test, { authData: AUTH })).rejects.toThrow(/plan does not include API access/);
  });
});
