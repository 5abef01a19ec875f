/**
 * The bare reference app: what Zapier's custom-auth template boils down to, with our auth fields
 * and one hook trigger whose perform returns the delivered body. It is the floor our app is
 * compared against: same core, same Node, same machine, same run.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths';
import { INCLUDE_IN_BUILD_FIX } from './zapierAppRc';

export const BARE_PERFORM = 'triggers.booking.operation.perform';

const INDEX_JS = `'use strict';
// Bare reference app for the OnceHub bench: custom auth and one hook trigger, nothing else.
const zapier = require('zapier-platform-core');

const api = () => process.env.ONCEHUB_API_BASE_URL || 'https://api.oncehub.com/v2';

module.exports = {
  version: '1.0.0',
  platformVersion: zapier.version,
  authentication: {
    type: 'custom',
    fields: [
      { key: 'apiKey', label: 'API Key', type: 'password', required: true },
      { key: 'loginId', label: 'Login ID', required: true },
    ],
    test: async (z) => (await z.request({ url: api() + '/test' })).data,
    connectionLabel: '{{bundle.authData.loginId}}',
  },
  beforeRequest: [
    (request, z, bundle) => {
      request.headers = { ...request.headers, 'API-Key': bundle.authData.apiKey };
      return request;
    },
  ],
  triggers: {
    booking: {
      key: 'booking',
      noun: 'Booking',
      display: { label: 'New Booking Event', description: 'Triggers when OnceHub sends a booking event.' },
      operation: {
        type: 'hook',
        perform: (z, bundle) => [bundle.cleanedRequest],
        sample: { id: 'EVNT-1' },
      },
    },
  },
};
`;

export function coreVersion(): string {
  const pkg = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'node_modules', 'zapier-platform-core', 'package.json'), 'utf8'),
  ) as { version: string };
  return pkg.version;
}

/** Writes the bare app into `dir` (created) and returns it. */
export function writeBareApp(dir: string): string {
  mkdirSync(path.join(dir, 'node_modules'), { recursive: true });
  const pkg = {
    name: 'oncehub-bench-bare',
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: { 'zapier-platform-core': coreVersion() },
  };
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(path.join(dir, 'index.js'), INDEX_JS);
  writeFileSync(path.join(dir, '.gitignore'), 'node_modules/\nbuild/\n');
  writeFileSync(path.join(dir, '.zapierapprc'), `${JSON.stringify({ includeInBuild: [INCLUDE_IN_BUILD_FIX] }, null, 2)}\n`);
  // The very core install our app uses, not a fresh one: no network, and any difference measured
  // is the app's. Node resolves the symlink to its real path, so core's own dependencies come from
  // the repo's node_modules exactly as they do for our app. (A symlink to the package rather than
  // to the whole node_modules keeps `zapier-platform build`, which copies node_modules, small.)
  symlinkSync(path.join(REPO_ROOT, 'node_modules', 'zapier-platform-core'), path.join(dir, 'node_modules', 'zapier-platform-core'), 'dir');
  return dir;
}
