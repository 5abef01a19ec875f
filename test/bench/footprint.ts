/**
 * Production footprint of one app: its runtime dependency tree, any runtime dependency beyond
 * zapier-platform-core with what it adds, and the deployable zip — which must also load and pass
 * a connection test, or its size means nothing.
 */
import path from 'node:path';
import { childEnv, runNodeScript } from './childProcess';
import { benchScript } from './paths';
import { declaredDependencies, nameOf, npmLsTree, treeOf, walkDependencies, type Tree } from './prodTree';
import { readReportOrFailure, type ProbeReport } from './reports';
import { buildZip, type ZipBuild } from './zipBuild';

const CORE = 'zapier-platform-core';

export interface ExtraDependency {
  name: string;
  /** Packages and bytes it adds beyond what core already brings. */
  packages: number;
  bytes: number;
}

export type ZipCheck = ProbeReport | { ok: false; error: string };

export interface NpmView {
  packages: number;
  bytes: number;
  /** In npm's list but not needed at runtime by the walk: optional peers that happen to be installed. */
  notNeeded: string[];
  extraneous: string[];
  note?: string;
}

export interface Footprint {
  /** Packages reachable from package.json `dependencies` by Node's resolution: same method for both apps. */
  tree: Tree;
  /** `npm ls --omit=dev` for a real install (ours only: the bare app's core is a symlink npm cannot follow). */
  npmLs?: NpmView;
  extraDependencies: ExtraDependency[];
  zip: ZipBuild;
  /** Zapier's own entry: zapierwrapper.js → createAppHandler → the app, with an `execute` event. */
  zipLambdaCheck?: ZipCheck;
  /** The zip's package.json `main` through the zip's own core's createAppTester. */
  zipTesterCheck?: ZipCheck;
}

function extraDependencies(appDir: string): ExtraDependency[] {
  const core = new Set(walkDependencies(appDir, [CORE]));
  return declaredDependencies(appDir)
    .filter((name) => name !== CORE)
    .map((name) => {
      const added = treeOf(walkDependencies(appDir, [name]).filter((dir) => !core.has(dir)));
      return { name, packages: added.packages, bytes: added.bytes };
    });
}

async function zipCheck(dir: string, mode: 'lambda' | 'tester'): Promise<ZipCheck> {
  const run = await runNodeScript(benchScript('probe'), [dir, mode], {
    env: childEnv({ NODE_ENV: 'test' }),
    timeoutMs: 60_000,
  });
  return readReportOrFailure<ProbeReport>(run, `zip connection test (${mode})`);
}

export async function measureFootprint(
  app: { dir: string; useNpmLs: boolean; lockfile?: string },
  workDir: string,
): Promise<Footprint> {
  const tree = treeOf(walkDependencies(app.dir, declaredDependencies(app.dir)));
  let npmLs: NpmView | undefined;
  if (app.useNpmLs) {
    const listed = await npmLsTree(app.dir);
    const needed = new Set(tree.dirs);
    npmLs = {
      packages: listed.packages,
      bytes: listed.bytes,
      notNeeded: listed.dirs.filter((dir) => !needed.has(dir)).map(nameOf),
      extraneous: listed.extraneous,
      ...(listed.note ? { note: listed.note } : {}),
    };
  }
  const zip = await buildZip(app.dir, path.join(workDir, 'zip'), app.lockfile);
  const footprint: Footprint = { tree, ...(npmLs ? { npmLs } : {}), extraDependencies: extraDependencies(app.dir), zip };
  if (zip.unzippedDir) {
    footprint.zipLambdaCheck = await zipCheck(zip.unzippedDir, 'lambda');
    footprint.zipTesterCheck = await zipCheck(zip.unzippedDir, 'tester');
  }
  return footprint;
}
