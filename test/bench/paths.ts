/**
 * Where things are when the bench runs compiled from `.dev-dist/test/bench/`.
 */
import path from 'node:path';
import { REPO_ROOT } from '../support/repoRoot';

export { REPO_ROOT };
export const REPO_BIN = path.join(REPO_ROOT, 'node_modules', '.bin');
export const RESULTS_FILE = path.join(REPO_ROOT, 'bench-results', 'latest.json');

/** A child script of the bench, next to this file in whichever tree (compiled) is running. */
export function benchScript(name: 'probe' | 'deliveries' | 'requestCounts'): string {
  return path.join(__dirname, `${name}.js`);
}
