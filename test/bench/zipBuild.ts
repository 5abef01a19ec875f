/**
 * The deployable zip, built the way a developer would build it offline: `zapier-platform build
 * --skip-validation` (the default build calls Zapier's API to validate) in a throwaway copy of
 * the app, so the shared tree's build/ and dist/ are never touched. The CLI installs the
 * production dependencies from the npm registry itself; that is the only network use.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { childEnv, failureLine, runChild } from './childProcess';
import { REPO_BIN, REPO_ROOT } from './paths';
import { declaredDependencies } from './prodTree';
import { ensureIncludeInBuildFix } from './zapierAppRc';

export interface ZipBuild {
  ok: boolean;
  buildMs: number;
  /** Whether the app's .zapierapprc had the includeInBuild fix, or the bench added it. */
  rcNote: string;
  failure?: string;
  zipBytes?: number;
  files?: number;
  unpackedBytes?: number;
  /** Where build.zip was unpacked, for the load check. */
  unzippedDir?: string;
  /** Entry files the zip must hold, and whether it does. */
  entries?: { file: string; present: boolean }[];
}

/**
 * For a CommonJS app core's zapierwrapper.js requires `<zip root>/index.js` whatever `main` says,
 * and the app's own loaders use `main`; both have to be in the zip.
 */
function entriesOf(unzippedDir: string): { file: string; present: boolean }[] {
  const pkgFile = path.join(unzippedDir, 'package.json');
  const pkg = existsSync(pkgFile) ? (JSON.parse(readFileSync(pkgFile, 'utf8')) as { main?: unknown; type?: unknown }) : {};
  const files = new Set<string>();
  if (pkg.type !== 'module') files.add('index.js');
  if (typeof pkg.main === 'string') files.add(path.normalize(pkg.main));
  return [...files].map((file) => ({ file, present: existsSync(path.join(unzippedDir, file)) }));
}

/** Never copied: installs, outputs, VCS, secrets, and test code the zip must not depend on. */
const SKIP = new Set(['node_modules', '.git', '.dev-dist', 'dist', 'build', 'bench-results', 'coverage', 'test', '.env', '.environment']);

/**
 * Copies the app's sources and gives the copy a node_modules of symlinks to its runtime
 * dependencies (plus @types/node), enough for `_zapier-build` (tsc) to compile. The CLI copies
 * node_modules into its own temp dir, dereferencing links, before `npm install --production`
 * there, so symlinking the repo's whole node_modules (≈470 MB with dev tools) would make it copy
 * all of that — and nothing here may ever install into the shared tree.
 */
function prepareCopy(sourceDir: string, copyDir: string, lockfile: string | undefined): void {
  mkdirSync(copyDir, { recursive: true });
  for (const entry of readdirSync(sourceDir)) {
    if (SKIP.has(entry)) continue;
    cpSync(path.join(sourceDir, entry), path.join(copyDir, entry), { recursive: true, dereference: false });
  }
  if (lockfile && !existsSync(path.join(copyDir, 'package-lock.json'))) {
    cpSync(lockfile, path.join(copyDir, 'package-lock.json'));
  }
  const modules = path.join(copyDir, 'node_modules');
  for (const name of [...declaredDependencies(sourceDir), '@types/node']) {
    const installed = [path.join(sourceDir, 'node_modules', name), path.join(REPO_ROOT, 'node_modules', name)].find((dir) =>
      existsSync(dir),
    );
    if (!installed) continue;
    mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
    symlinkSync(realpathSync(installed), path.join(modules, name), 'dir');
  }
}

function unpackedSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = unpackedSize(full);
      files += inner.files;
      bytes += inner.bytes;
    } else {
      files += 1;
      bytes += lstatSync(full).size;
    }
  }
  return { files, bytes };
}

/**
 * Builds `sourceDir` in `workDir/app` and unpacks build.zip into `workDir/unzipped`.
 * `lockfile` pins the copy's dependency versions when the source has no lockfile of its own.
 */
export async function buildZip(sourceDir: string, workDir: string, lockfile?: string): Promise<ZipBuild> {
  const copyDir = path.join(workDir, 'app');
  prepareCopy(sourceDir, copyDir, lockfile);
  const rcNote = ensureIncludeInBuildFix(copyDir);

  const cli = realpathSync(path.join(REPO_BIN, 'zapier-platform'));
  // The CLI works in os.tmpdir() and leaves its dir behind when a step fails: keep that in ours.
  const cliTmp = path.join(workDir, 'cli-tmp');
  mkdirSync(cliTmp, { recursive: true });
  const run = await runChild(process.execPath, [cli, 'build', '--skip-validation'], {
    cwd: copyDir,
    env: childEnv({ DISABLE_ZAPIER_ANALYTICS: '1', TMPDIR: cliTmp }),
    timeoutMs: 240_000,
  });
  const zip = path.join(copyDir, 'build', 'build.zip');
  const result: ZipBuild = { ok: run.code === 0 && existsSync(zip), buildMs: run.wallMs, rcNote };
  if (!result.ok) result.failure = `zapier-platform build: ${failureLine(run)}`;
  if (!existsSync(zip)) return result;

  result.zipBytes = statSync(zip).size;
  const unzippedDir = path.join(workDir, 'unzipped');
  mkdirSync(unzippedDir, { recursive: true });
  const unzip = await runChild('unzip', ['-q', zip, '-d', unzippedDir], { timeoutMs: 60_000 }).catch((error: unknown) => ({
    code: 127,
    failure: String(error),
  }));
  if (unzip.code !== 0) {
    result.ok = false;
    result.failure = `unzip build.zip: ${'failure' in unzip ? unzip.failure : failureLine(unzip)}`;
    return result;
  }
  const size = unpackedSize(unzippedDir);
  return { ...result, files: size.files, unpackedBytes: size.bytes, unzippedDir, entries: entriesOf(unzippedDir) };
}
