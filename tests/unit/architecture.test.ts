import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry) ? [full] : [];
  });
}

const IMPORT = /(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((match) => match[1] ?? match[2] ?? '');
}

describe('architecture', () => {
  const appFiles = [...sourceFiles(path.join(root, 'app')), path.join(root, 'proxy.ts'), path.join(root, 'instrumentation.ts')];

  it('keeps the database behind lib/: app code never imports the Prisma client', () => {
    const offenders = appFiles.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => /^@\/(lib\/db\/|prisma\/)|^@prisma\/|^pg$|^@electric-sql\//.test(specifier))
        .map((specifier) => `${path.relative(root, file)} imports ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('finds the app files it checks (the test above cannot pass vacuously)', () => {
    expect(appFiles.length).toBeGreaterThan(10);
    expect(appFiles.some((file) => importsOf(file).includes('@/lib/http/route'))).toBe(true);
  });

  it('authorizes every API route through the one wrapper per entry kind', () => {
    const routes = sourceFiles(path.join(root, 'app', 'api')).filter((file) => file.endsWith('route.ts'));
    const unwrapped = routes.filter((file) => {
      const text = readFileSync(file, 'utf8');
      const relative = path.relative(root, file);
      const exempt = relative.includes('[...nextauth]');
      return !exempt && !/\bwith(User|Public|Cron)\(/.test(text);
    });
    expect(unwrapped.map((file) => path.relative(root, file))).toEqual([]);
  });
});
