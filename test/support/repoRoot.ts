import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The repository root, found by walking up from this file. A fixed `..` depth would break when
 * this file runs compiled from `.dev-dist/`, and `.dev-dist/` may hold its own package.json, so
 * the marker is a package.json sitting next to node_modules. Shared by the contract tests,
 * fixtures and bench.
 */
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
