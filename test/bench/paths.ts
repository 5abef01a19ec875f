/**
 * Where things are when the bench runs compiled from `.dev-dist/test/bench/`. The repository root
 * is found by walking up rather than by a fixed `..` depth, because `.dev-dist/` holds its own
 * package.json (index.ts imports ./package.json) but never a node_modules beside it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'node_modules'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No repository root (package.json beside node_modules) above ${start}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const REPO_BIN = path.join(REPO_ROOT, 'node_modules', '.bin');
export const RESULTS_FILE = path.join(REPO_ROOT, 'bench-results', 'latest.json');

/** A child script of the bench, next to this file in whichever tree (compiled) is running. */
export function benchScript(name: 'probe' | 'deliveries' | 'requestCounts'): string {
  return path.join(__dirname, `${name}.js`);
}
