/**
 * A real nginx on loopback for tests, configured from the repository's own
 * template (deploy/nginx/loopback.conf.template, which includes the production
 * proxy snippet deploy/nginx/tequio-proxy.conf): its config, pid, logs and temp
 * folders live in a temporary prefix, it runs in the foreground (`daemon off`)
 * as the current user, and needs no root paths.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The nginx binary (NGINX_BIN, else Debian's /usr/sbin/nginx, else one on PATH), or null. */
export function findNginx(): string | null {
  if (process.env.NGINX_BIN) return process.env.NGINX_BIN;
  if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : null;
}

export interface Nginx {
  url: string;
  /** Lines of the access log: `METHOD /path STATUS upstream-address(es)`. */
  accessLog(): string[];
  close(): Promise<void>;
}

export async function startNginx(options: {
  bin: string;
  repoRoot: string;
  port: number;
  upstreams: string[];
}): Promise<Nginx> {
  const prefix = mkdtempSync(path.join(tmpdir(), 'tequio-nginx-'));
  // Run as root (CI), nginx's workers drop to `nobody`: they must reach the prefix and its temp folders.
  chmodSync(prefix, 0o755);
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(path.join(prefix, dir));
    chmodSync(path.join(prefix, dir), 0o777);
  }
  const template = readFileSync(path.join(options.repoRoot, 'deploy/nginx/loopback.conf.template'), 'utf8');
  const config = template
    .replaceAll('{{PREFIX}}', prefix)
    .replaceAll('{{PORT}}', String(options.port))
    .replaceAll('{{PROXY_SNIPPET}}', path.join(options.repoRoot, 'deploy/nginx/tequio-proxy.conf'))
    .replaceAll(
      '{{UPSTREAM_SERVERS}}',
      options.upstreams.map((u) => `        server ${u} max_fails=1 fail_timeout=2s;`).join('\n'),
    );
  const conf = path.join(prefix, 'nginx.conf');
  writeFileSync(conf, config);
  const child: ChildProcess = spawn(
    options.bin,
    ['-p', prefix, '-c', conf, '-e', path.join(prefix, 'error.log')],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let ended = false;
  void exited.then(() => (ended = true));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (ended) throw new Error(`nginx exited while starting:\n${output}\n${readLog(prefix, 'error.log')}`);
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start in time:\n${output}\n${readLog(prefix, 'error.log')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    accessLog: () => readLog(prefix, 'access.log').split('\n').filter(Boolean),
    async close() {
      if (!ended) child.kill('SIGQUIT');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

function readLog(prefix: string, name: string): string {
  try {
    return readFileSync(path.join(prefix, name), 'utf8');
  } catch {
    return '';
  }
}
