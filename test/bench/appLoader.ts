/**
 * Loading a built Zapier app the way the bench's children need it: core resolved from the app's
 * own directory (so a zip's bundled core is used for the zip, the shared install otherwise) and
 * the entry named by the app's package.json `main`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Bundle, ZObject } from 'zapier-platform-core';

export type Core = typeof import('zapier-platform-core');
export type Operation = (z: ZObject, bundle: Bundle) => unknown;

export function appRequire(appDir: string): NodeJS.Require {
  return createRequire(path.join(appDir, 'package.json'));
}

export function loadCore(appDir: string): Core {
  return appRequire(appDir)('zapier-platform-core') as Core;
}

/** The entry file a `require(appDir)` would load. */
export function appEntry(appDir: string): string {
  const pkg = JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { main?: unknown };
  return path.resolve(appDir, typeof pkg.main === 'string' ? pkg.main : 'index.js');
}

/** The app definition: `module.exports` of a plain CJS app, or `exports.default` of compiled TS. */
export function loadApp(appDir: string): Record<string, unknown> {
  const loaded: unknown = appRequire(appDir)(appEntry(appDir));
  const mod = (loaded ?? {}) as Record<string, unknown>;
  const app = mod.__esModule === true && mod.default && typeof mod.default === 'object' ? mod.default : mod;
  return app as Record<string, unknown>;
}

/** A function inside the app by dotted path, e.g. `triggers.booking.operation.perform`. */
export function operation(app: Record<string, unknown>, dotted: string): Operation {
  let node: unknown = app;
  for (const key of dotted.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  }
  if (typeof node !== 'function') throw new Error(`The app has no function at ${dotted}`);
  return node as Operation;
}
