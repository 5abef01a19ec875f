import https from 'node:https';
import { offline, oncehub, API_KEY } from './app';
import { specProblems } from './specProblems';

beforeAll(() => offline());

it('requests answered by the mocked OnceHub API are checked against the spec', async () => {
  oncehub().get('/v2/bookings').query(true).reply(200, { object: 'list', data: [], has_more: false });
  await new Promise<void>((resolve, reject) => {
    https
      .get('https://api.oncehub.com/v2/bookings?colour=blue&limit=500', { headers: { 'API-Key': API_KEY } }, (res) => {
        res.resume();
        res.on('end', resolve);
      })
      .on('error', reject);
  });
  expect(specProblems.join('\n')).toMatch(/colour/);
  expect(specProblems.join('\n')).toMatch(/limit/);
  specProblems.length = 0;
});
