/**
 * The production dependency tree: which installed packages an app needs at runtime, and their
 * bytes on disk (apparent size of each package's own files, nested node_modules excluded so no
 * byte is counted twice). Two ways to list it: `npm ls` for a real install, and a walk of
 * package.json dependencies with Node's resolution for the bare app, whose core is a symlink
 * that `npm ls` cannot follow.
 */
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { childEnv, failureLine, runChild } from './childProcess';

export interface Tree {
  packages: number;
  bytes: number;
  /** Real paths of the packages, for set arithmetic between trees. */
  dirs: string[];
  /** The biggest packages, for the JSON: where the bytes are. */
  biggest: { name: string; bytes: number }[];
}

interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

function manifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Manifest;
}

export function ownBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') total += ownBytes(full);
    } else if (entry.isFile()) {
      total += lstatSync(full).size;
    }
  }
  return total;
}

export function nameOf(dir: string): string {
  try {
    return manifest(dir).name ?? path.basename(dir);
  } catch {
    return path.basename(dir);
  }
}

export function treeOf(dirs: Iterable<string>): Tree {
  const unique = [...new Set(dirs)];
  const sized = unique.map((dir) => ({ dir, bytes: ownBytes(dir) }));
  return {
    packages: unique.length,
    bytes: sized.reduce((a, b) => a + b.bytes, 0),
    dirs: unique,
    biggest: sized
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 5)
      .map(({ dir, bytes }) => ({ name: nameOf(dir), bytes })),
  };
}

/** Where `require(name)` from a package at `fromDir` would find it: Node's node_modules walk. */
function resolvePackage(fromDir: string, name: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Real paths of every package reachable from `roots` (package names) as resolved from `fromDir`. */
export function walkDependencies(fromDir: string, roots: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (dir: string, name: string): void => {
    const found = resolvePackage(dir, name);
    if (!found || seen.has(found)) return;
    seen.add(found);
    const m = manifest(found);
    const peers = Object.keys(m.peerDependencies ?? {}).filter((peer) => !m.peerDependenciesMeta?.[peer]?.optional);
    for (const dep of [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.optionalDependencies ?? {}), ...peers]) {
      visit(found, dep);
    }
  };
  for (const root of roots) visit(realpathSync(fromDir), root);
  return [...seen];
}

/** The runtime dependencies an app declares (package.json `dependencies`). */
export function declaredDependencies(appDir: string): string[] {
  return Object.keys(manifest(appDir).dependencies ?? {});
}

/**
 * `npm ls --omit=dev --all --parseable --long` in a real install: npm's own view of the prod
 * tree, minus packages npm itself flags EXTRANEOUS (installed, but required by nothing).
 */
export async function npmLsTree(appDir: string): Promise<Tree & { extraneous: string[]; note?: string }> {
  const run = await runChild('npm', ['ls', '--omit=dev', '--all', '--parseable', '--long'], {
    cwd: appDir,
    env: childEnv(),
    timeoutMs: 60_000,
  });
  const root = realpathSync(appDir);
  const dirs: string[] = [];
  const extraneous: string[] = [];
  for (const line of run.stdout.split('\n')) {
    const [dir, id, ...flags] = line.trim().split(':');
    if (!dir || path.resolve(dir) === root || !existsSync(dir)) continue;
    if (flags.includes('EXTRANEOUS')) extraneous.push(id ?? dir);
    else dirs.push(realpathSync(dir));
  }
  if (dirs.length === 0) throw new Error(`npm ls listed nothing (${failureLine(run)})`);
  // npm ls exits 1 on extraneous or invalid entries but still lists the tree; say so, keep going.
  return {
    ...treeOf(dirs),
    extraneous,
    ...(run.code === 0 ? {} : { note: `npm ls exited ${run.code}: ${failureLine(run)}` }),
  };
}
