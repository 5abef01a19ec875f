/**
 * `.zapierapprc` and the one line an offline `zapier-platform build` needs in it: esbuild's
 * dependency detection misses the `require.mjs` files that core's dependency chain loads through
 * the `module-sync` export condition (form-data → … → async-function), so the build's own
 * "Testing build" step fails without it (docs: shared/zapier/platform.md §5).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const INCLUDE_IN_BUILD_FIX = 'node_modules/[^/]+/require\\.mjs$';

/** Ensures `dir/.zapierapprc` carries the fix, and says whether the bench had to add it. */
export function ensureIncludeInBuildFix(dir: string): string {
  const file = path.join(dir, '.zapierapprc');
  if (!existsSync(file)) {
    writeFileSync(file, `${JSON.stringify({ includeInBuild: [INCLUDE_IN_BUILD_FIX] }, null, 2)}\n`);
    return 'the repo has no .zapierapprc; the bench added one with the includeInBuild fix';
  }
  const config = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const patterns = Array.isArray(config.includeInBuild) ? config.includeInBuild.filter((p): p is string => typeof p === 'string') : [];
  if (patterns.includes(INCLUDE_IN_BUILD_FIX)) return "the app's .zapierapprc has the includeInBuild fix";
  writeFileSync(file, `${JSON.stringify({ ...config, includeInBuild: [...patterns, INCLUDE_IN_BUILD_FIX] }, null, 2)}\n`);
  return "the repo's .zapierapprc lacks the includeInBuild fix; the bench added it in its copy";
}
