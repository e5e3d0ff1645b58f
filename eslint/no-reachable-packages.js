/**
 * `tequio/no-reachable-packages`: a file may not reach the listed packages through any chain of
 * relative imports (a direct import is the chain of length one). `no-restricted-imports` sees only
 * the file's own imports; this follows them, so "sync imports a repository that imports React"
 * fails too. Imports are read from the source text (static `import … from`, `export … from`,
 * `import '…'`); dynamic `import()` is not followed: a lazy chunk is a deliberate boundary.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const IMPORT = /^\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '/index.ts', '/index.tsx'];

/** Cache per lint run: file → its import specifiers (type-only imports are left out: they vanish at build). */
const specifiersOf = new Map();

function readSpecifiers(file) {
  let cached = specifiersOf.get(file);
  if (cached) return cached;
  cached = [];
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = '';
  }
  for (const match of text.matchAll(IMPORT)) {
    if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue;
    cached.push(match[1]);
  }
  specifiersOf.set(file, cached);
  return cached;
}

function resolveRelative(fromFile, specifier) {
  const base = resolve(dirname(fromFile), specifier);
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const packageOf = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/** The chain of files from `start` to a file importing one of `packages`, or null. */
function findChain(start, specifiers, packages) {
  const seen = new Set([start]);
  const queue = [{ file: start, specifiers, chain: [] }];
  while (queue.length > 0) {
    const { file, specifiers: list, chain } = queue.shift();
    for (const specifier of list) {
      if (!specifier.startsWith('.')) {
        if (packages.includes(specifier) || packages.includes(packageOf(specifier))) {
          return { chain, specifier };
        }
        continue;
      }
      const next = resolveRelative(file, specifier);
      if (!next || seen.has(next) || !/\.(ts|tsx|js)$/.test(next)) continue;
      seen.add(next);
      queue.push({ file: next, specifiers: readSpecifiers(next), chain: [...chain, next] });
    }
  }
  return null;
}

export const noReachablePackages = {
  meta: {
    type: 'problem',
    docs: { description: 'refuse packages reached through any chain of relative imports' },
    schema: [
      {
        type: 'object',
        properties: { packages: { type: 'array', items: { type: 'string' } }, message: { type: 'string' } },
        required: ['packages'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { packages, message = 'reaches a forbidden package through' } = context.options[0];
    const filename = context.filename;
    return {
      'Program:exit'(program) {
        // The file's own text as linted (it may be unsaved), then files on disk.
        const own = [];
        for (const match of context.sourceCode.text.matchAll(IMPORT)) {
          if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue;
          own.push(match[1]);
        }
        const found = findChain(filename, own, packages);
        if (!found) return;
        const cwd = context.cwd ?? process.cwd();
        const path = found.chain.map((file) => relative(cwd, file));
        context.report({
          node: program,
          message:
            path.length === 0
              ? `${relative(cwd, filename)} ${message} a direct import of '${found.specifier}'`
              : `${relative(cwd, filename)} ${message} ${path.join(' → ')} → '${found.specifier}'`,
        });
      },
    };
  },
};
