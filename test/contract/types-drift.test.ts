import nock from 'nock';
nock.disableNetConnect();

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';
import { SPEC_PATH } from './openapi';
import { REPO_ROOT } from '../support/repoRoot';

const GENERATED = path.join(__dirname, 'oncehub-openapi.d.ts');
const REGENERATE = 'npx openapi-typescript test/spec/oncehub-api.json -o test/contract/oncehub-openapi.d.ts';

/**
 * openapi-typescript's Node API, run in a child Node: its dependencies are ESM-only, which
 * Node loads natively but jest's CommonJS module registry cannot. Same call and header as the
 * CLI, so the committed file can be made either way. Nothing is written to disk.
 */
const GENERATE = `
import openapiTS, { COMMENT_HEADER, astToString } from 'openapi-typescript';
const ast = await openapiTS(new URL(process.argv[1]), { silent: true });
process.stdout.write(COMMENT_HEADER + astToString(ast));
`;

describe('spec-derived types', () => {
  it(`oncehub-openapi.d.ts is what openapi-typescript makes of the spec (else run: ${REGENERATE})`, () => {
    const generated = execFileSync(
      process.execPath,
      ['--input-type=module', '--eval', GENERATE, pathToFileURL(SPEC_PATH).href],
      { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    expect(generated).toBe(readFileSync(GENERATED, 'utf8'));
  });

  // ts-jest runs with isolatedModules, which skips type checking; the contract lives in types.
  it('types.contract.ts type-checks against src/oncehub.ts', () => {
    const configFile = path.join(REPO_ROOT, 'test', 'tsconfig.json');
    const { config } = ts.readConfigFile(configFile, (file) => ts.sys.readFile(file));
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, path.dirname(configFile));
    const program = ts.createProgram([path.join(__dirname, 'types.contract.ts')], { ...options, noEmit: true });
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });
});
