import nock from 'nock';
nock.disableNetConnect();

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SPEC_PATH } from './openapi';
import { REPO_ROOT } from '../support/repoRoot';

/** The research folder sits beside the repository, locally and in CI. */
const SHARED_SPEC = path.resolve(REPO_ROOT, '..', 'shared', 'oncehub', 'openapi', 'oncehub-api.json');

describe('spec copy', () => {
  it('test/spec/oncehub-api.json is byte-identical to the shared research copy', () => {
    expect(existsSync(SHARED_SPEC)).toBe(true);
    expect(readFileSync(SPEC_PATH).equals(readFileSync(SHARED_SPEC))).toBe(true);
  });
});
