import type { Bundle, ZObject } from 'zapier-platform-core';
import { addOnceHubHeaders, USER_AGENT } from '../src/http';
import { AUTH, API_KEY } from './support/app';
import { version } from '../package.json';

const z = { errors: { Error } } as unknown as ZObject;
const bundle = { authData: AUTH } as unknown as Bundle;

describe('addOnceHubHeaders', () => {
  it('adds the key, JSON accept and a User-Agent naming the app and version to OnceHub API requests', async () => {
    const out = await addOnceHubHeaders({ url: 'https://api.oncehub.com/v2/test', headers: {} }, z, bundle);
    expect(out.headers).toMatchObject({ 'API-Key': API_KEY, accept: 'application/json', 'user-agent': USER_AGENT });
    expect(USER_AGENT).toContain(`OnceHub-Zapier/${version}`);
    expect(out.url).not.toContain(API_KEY);
  });

  it.each(['https://meet.google.com/abc', 'https://go.oncehub.com/andrea', 'https://api.oncehub.com.evil.example/v2/test'])(
    'never attaches the key to %s',
    async (url) => {
      const out = await addOnceHubHeaders({ url, headers: {} }, z, bundle);
      expect(Object.keys(out.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('api-key');
    },
  );

  it('sends no key header at all when the connection has none', async () => {
    const out = await addOnceHubHeaders({ url: 'https://api.oncehub.com/v2/test', headers: {} }, z, { authData: {} } as unknown as Bundle);
    expect(out.headers).not.toHaveProperty('API-Key');
  });
});
