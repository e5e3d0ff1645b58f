/**
 * Several server instances on one store behind a real nginx on loopback, the way the
 * scale-out test and the two-instance load benchmark start them:
 *
 *   const store = await createThrowawayStore('postgres');
 *   const cluster = await startCluster(store.env, { nginxBin: findNginx()! });
 *   …  fetch(`${cluster.url}/api/v1/health`); cluster.instances[0].kill('SIGKILL');
 *   await cluster.close();
 *
 * The instances start at the same moment, so their migrations and start-up race (the start-up
 * lock lets one migrate while the others wait); nginx is configured from the repository's
 * template (deploy/nginx/loopback.conf.template) with one upstream line per instance.
 */
import { freePort, repoRoot, startChildServer, type ChildServer } from '../integration/child-server';
import { startNginx, type Nginx } from './nginx';

export interface Cluster {
  /** nginx's address: what devices talk to. */
  url: string;
  nginx: Nginx;
  /** The instances, by upstream order; a test may replace one it restarted on the same port. */
  instances: ChildServer[];
  /** Stops nginx, then every instance (SIGTERM by default; SIGKILL for whoever is still up 10 s later). */
  close(signal?: NodeJS.Signals): Promise<void>;
}

export async function startCluster(
  env: Record<string, string>,
  options: {
    nginxBin: string;
    count?: number;
    /** For each instance (profiling flags, a longer start-up timeout). */
    child?: { nodeArgs?: string[]; timeoutMs?: number };
  },
): Promise<Cluster> {
  const count = options.count ?? 2;
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => startChildServer(env, options.child)),
  );
  const instances = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stopAll = async (signal: NodeJS.Signals) => {
    for (const instance of instances) instance.kill(signal);
    await Promise.all(instances.map((i) => i.exited));
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stopAll('SIGKILL');
    throw failed.reason;
  }
  let nginx: Nginx;
  try {
    nginx = await startNginx({
      bin: options.nginxBin,
      repoRoot,
      port: await freePort(),
      upstreams: instances.map((i) => `127.0.0.1:${i.port}`),
    });
  } catch (error) {
    await stopAll('SIGKILL');
    throw error;
  }
  return {
    url: nginx.url,
    nginx,
    instances,
    async close(signal = 'SIGTERM') {
      await nginx.close();
      const timer = setTimeout(() => instances.forEach((i) => i.kill('SIGKILL')), 10_000);
      await stopAll(signal);
      clearTimeout(timer);
    },
  };
}
