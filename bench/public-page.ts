/**
 * The public page (`GET /publico/:processId`, ADR 0008) over a slow link, in real Chromium against
 * the real server (loopback, temporary SQLite, no PWA build needed): a realistic published process —
 * a validated Agenda of 10 projects, 8 of them public, each with 3 public updates, 6 of which carry
 * a chosen photo as the devices upload them (long side 1600 px, JPEG 0.8) — opened by a phone with
 * no account and an empty cache, under CDP Network.emulateNetworkConditions at 400 kbit/s both ways
 * and 400 ms round trip ("slow 3G"), 360 × 740 viewport.
 *
 *   node --import tsx bench/public-page.ts [runs=5] [port=4480]
 *
 * Reports, as the median of the runs: the document's transfer size (bytes on the wire, headers
 * included, gzip) and decoded size; time (wall clock from Node, navigation to event) to
 * DOMContentLoaded (the page readable) and to load (the photos in the first screen too, the others
 * are lazy), first contentful paint as the page reports it; bytes on the wire until load; and a
 * repeat visit that revalidates (304). Writes bench/results/public-page.json. The emulation adds
 * its latency per request, not the handshakes of a real cold connection (DNS, TCP, TLS: a few
 * more round trips on a real phone).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  assembleAgenda,
  defaultProjectStatusId,
  formatHlc,
  type Fields,
  type Process,
  type Project,
} from '../src/domain';
import { launchChromium, median } from './lib/browser';
import { startTequio } from './lib/tequio-app';

const SLOW_3G = {
  offline: false,
  latency: 400,
  downloadThroughput: 400_000 / 8,
  uploadThroughput: 400_000 / 8,
};
const runs = Number(process.argv[2] ?? 5);
const port = Number(process.argv[3] ?? 4480);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const app = await startTequio({ port, staticDir: 'bench/results/no-pwa' });
const browser = await launchChromium();
try {
  const { token } = await app.login('Banco de pruebas');
  const headers = { authorization: `Bearer ${token}` };

  // Photos as a device uploads them (long side 1600 px, JPEG 0.8), drawn in Chromium.
  const maker = await browser.newPage();
  const photos: Buffer[] = [];
  for (let i = 0; i < 6; i++) {
    const base64 = await maker.evaluate(async (n) => {
      const canvas = new OffscreenCanvas(1600, 1067);
      const ctx = canvas.getContext('2d')!;
      for (let k = 0; k < 4000; k++) {
        ctx.fillStyle = `hsl(${(k * 37 + n * 50) % 360} 45% ${30 + (k % 40)}%)`;
        ctx.fillRect((k * 97) % 1600, (k * 61) % 1067, 24 + (k % 50), 18 + (k % 40));
      }
      const bytes = new Uint8Array(
        await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 })).arrayBuffer(),
      );
      let binary = '';
      for (let j = 0; j < bytes.length; j += 0x8000)
        binary += String.fromCharCode(...bytes.subarray(j, j + 0x8000));
      return btoa(binary);
    }, i);
    photos.push(Buffer.from(base64, 'base64'));
  }
  await maker.close();
  for (const bytes of photos) {
    const res = await fetch(`${app.base}/api/v1/blobs/${sha(bytes)}`, {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'image/jpeg' },
      body: new Uint8Array(bytes),
    });
    if (!res.ok) throw new Error(`upload: ${res.status}`);
  }

  // A published process with a validated Agenda of 10 projects, 8 public, 3 public updates each.
  const processId = randomUUID();
  const processFields = {
    name: 'San Miguel Teotongo, sección Avisadero',
    unitKeys: ['07-250', '07-251'],
    stage: 'follow_up',
    teamUserIds: [],
    published: true,
    publishedAt: new Date().toISOString(),
  } as Fields;
  const statuses = ['en-gestion', 'en-ejecucion', 'concluido', 'propuesto'];
  const projects = Array.from({ length: 10 }, (_, i) => {
    const fields: Fields = {
      processId,
      title: `Proyecto ${i + 1}: ${['Huerto comunitario', 'Alumbrado de la cerrada', 'Cisternas', 'Mural de la escuela', 'Faena de limpieza'][i % 5]}`,
      description:
        'Lo que el barrio acordó en la Asamblea Comunitaria: quién participa, dónde y para qué. Un párrafo corto como los que escribe el Colectivo de Planeación.',
      kind: 'project',
      theme: 'environment',
      problemIds: [],
      visionIds: [],
      managementMode: 'self_managed',
      governmentAreaIds: [],
      term: 'short',
      commitments: [],
      public: i < 8,
      statusId: defaultProjectStatusId(statuses[i % 4]!),
      progress: (i * 13) % 100,
    };
    return { id: randomUUID(), fields };
  });
  const content = assembleAgenda(
    {
      process: { id: processId, ...(processFields as unknown as Process) },
      units: [],
      sessions: [],
      problems: [],
      rounds: [],
      ballots: [],
      visions: [],
      projects: projects.map((p) => ({ id: p.id, ...(p.fields as unknown as Project) })),
      governmentAreas: [],
    },
    { assembledAt: new Date().toISOString() },
  );
  let photo = 0;
  const updates = projects.slice(0, 8).flatMap((p, i) =>
    [1, 2, 3].map((k) => {
      const withPhoto = photo < photos.length && k === 1 ? photos[photo++]! : null;
      const ref = withPhoto
        ? [{ sha256: sha(withPhoto), mime: 'image/jpeg', width: 1600, height: 1067 }]
        : [];
      return {
        id: randomUUID(),
        fields: {
          processId,
          projectId: p.id,
          date: `2026-${String(9 + k).padStart(2, '0')}-${String(10 + i).padStart(2, '0')}`,
          text: 'Se reunió la brigada del barrio y avanzó la obra: lo que se hizo, lo que falta y cuándo es la próxima faena.',
          kind: 'milestone',
          photos: ref,
          publicPhotos: ref.map((r) => r.sha256),
          authorRole: 'facilitator',
          public: true,
        } as Fields,
      };
    }),
  );
  const writes: [string, string, Fields][] = [
    ['process', processId, processFields],
    ...projects.map((p): [string, string, Fields] => ['project', p.id, p.fields]),
    [
      'agendaVersion',
      randomUUID(),
      {
        processId,
        number: 1,
        status: 'validated',
        changelog: 'Validada',
        content,
        validationId: randomUUID(),
      },
    ],
    ...updates.map((u): [string, string, Fields] => ['projectUpdate', u.id, u.fields]),
  ];
  const now = Date.now();
  const push = await fetch(`${app.base}/api/v1/sync/push`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      clientId: randomUUID(),
      serverEpoch: null,
      mutations: writes.map(([entity, recordId, fields], i) => ({
        id: i + 1,
        entity,
        recordId,
        op: 'put',
        fields,
        hlc: formatHlc({ millis: now, counter: i, node: '00000000000000b1' }),
      })),
    }),
  });
  const results = ((await push.json()) as { results: { status: string; code?: string }[] }).results;
  const refused = results.filter((r) => r.status !== 'applied');
  if (refused.length > 0) throw new Error(`seed refused: ${JSON.stringify(refused.slice(0, 3))}`);

  const url = `${app.base}/publico/${processId}`;
  const samples: Record<string, number>[] = [];
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'es-MX' });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
    const wire = new Map<string, number>();
    let documentId = '';
    cdp.on('Network.requestWillBeSent', (e: { requestId: string; type?: string }) => {
      if (e.type === 'Document') documentId = e.requestId;
    });
    cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
      wire.set(e.requestId, e.encodedDataLength);
    });
    // Wall-clock from Node: under emulation the page's own Navigation Timing sees the network before the throttle.
    const start = Date.now();
    let domContentLoaded = NaN;
    void page.waitForEvent('domcontentloaded').then(() => (domContentLoaded = Date.now() - start));
    await page.goto(url, { waitUntil: 'load' });
    const load = Date.now() - start;
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp ? fcp.startTime : NaN, decodedBytes: nav.decodedBodySize };
    });
    const documentBytes = wire.get(documentId) ?? NaN;
    const totalBytes = [...wire.values()].reduce((a, b) => a + b, 0);
    const photosAtLoad = wire.size - 1;
    // A repeat visit: the browser revalidates (no-cache) and the server answers 304 with no body.
    wire.clear();
    let revalidated = NaN;
    cdp.on('Network.responseReceived', (e: { type?: string; response: { status: number } }) => {
      if (e.type === 'Document') revalidated = e.response.status;
    });
    const again = Date.now();
    await page.reload({ waitUntil: 'domcontentloaded' });
    const repeatMs = Date.now() - again;
    samples.push({
      documentBytes,
      decodedBytes: timing.decodedBytes,
      fcpMs: timing.fcp,
      domContentLoadedMs: domContentLoaded,
      loadMs: load,
      bytesUntilLoad: totalBytes,
      photosAtLoad,
      repeatStatus: revalidated,
      repeatBytes: wire.get(documentId) ?? [...wire.values()][0] ?? NaN,
      repeatMs,
    });
    await context.close();
  }
  const summary = Object.fromEntries(
    Object.keys(samples[0]!).map((k) => [k, median(samples.map((s) => s[k]!))]),
  );
  const photoBytes = photos.map((p) => p.length);
  const report = {
    network: '400 kbit/s down and up, 400 ms RTT (CDP Network.emulateNetworkConditions)',
    runs,
    page: { projects: 8, updates: updates.length, photos: photos.length, photoBytesEach: photoBytes },
    median: summary,
    samples,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/public-page.json', JSON.stringify(report, null, 2));
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const s = (n: number) => `${(n / 1000).toFixed(2)} s`;
  console.log(`Public page over slow 3G (${report.network}), median of ${runs} cold loads:`);
  console.log(`  document on the wire  ${kb(summary.documentBytes!)} (decoded ${kb(summary.decodedBytes!)})`);
  console.log(`  first contentful paint ${s(summary.fcpMs!)}`);
  console.log(`  DOMContentLoaded      ${s(summary.domContentLoadedMs!)}`);
  console.log(
    `  load (first-screen photos: ${summary.photosAtLoad})  ${s(summary.loadMs!)}, ${kb(summary.bytesUntilLoad!)} on the wire`,
  );
  console.log(
    `  repeat visit          revalidated in ${s(summary.repeatMs!)}, ${kb(summary.repeatBytes!)} on the wire (a 304; Chrome reports the cached ${summary.repeatStatus})`,
  );
  console.log(
    `  photos                ${photos.length}, ${photoBytes.map(kb).join(', ')} each (loaded lazily as the reader scrolls)`,
  );
} finally {
  await browser.close();
  await app.stop();
}
