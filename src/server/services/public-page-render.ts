/**
 * The public page as HTML (ADR 0008): a pure function from the page's model
 * to a small Spanish document — inline CSS, no script, no web font, photos
 * loaded lazily with their sizes — readable on a cheap phone over a slow
 * link. Every text that came from a record is escaped.
 */
import type { PublicPageModel, PublicProject, PublicUpdate } from './public-page-model';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const dayFormat = new Intl.DateTimeFormat('es-MX', { dateStyle: 'long', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat('es-MX', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'America/Mexico_City',
});

/** `2026-12-04` → "4 de diciembre de 2026" (a calendar day, no time zone shift). */
function day(isoDate: string): string {
  const time = Date.parse(`${isoDate}T00:00:00Z`);
  return Number.isNaN(time) ? escapeHtml(isoDate) : dayFormat.format(time);
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fafaf7}
main,header,footer{max-width:44rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.5rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.2rem;line-height:1.3;margin:0 0 .25rem}
h3{font-size:1rem;margin:1rem 0 .25rem}
.kicker{margin:0;color:#4a4a4a;font-size:.9rem}
.project{background:#fff;border:1px solid #cfcfc8;border-radius:.5rem;padding:1rem;margin:1rem 0}
.action{margin-left:1rem}
.status{display:inline-block;background:#e6efe9;color:#0c4a2b;border-radius:1rem;padding:0 .6rem;font-weight:600}
.bar{height:1rem;background:#e4e4de;border-radius:.5rem;overflow:hidden;margin:.25rem 0}
.bar span{display:block;height:100%;background:#1c6e44}
ol{padding-left:1.25rem}
li{margin:.5rem 0}
img{max-width:100%;height:auto;display:block;margin:.5rem 0;border-radius:.25rem}
footer{color:#4a4a4a;font-size:.9rem;padding-bottom:2rem}
@media print{.project{break-inside:avoid}}
`
  .replace(/\n/g, '')
  .trim();

function photoTag(processId: string, update: PublicUpdate, index: number, photo: PublicUpdate['photos'][0]) {
  const size = photo.width && photo.height ? ` width="${photo.width}" height="${photo.height}"` : '';
  const alt = `Foto ${index + 1} del avance del ${day(update.date)}`;
  return `<img src="/publico/${escapeHtml(processId)}/fotos/${photo.sha256}" alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async">`;
}

function updateItem(processId: string, update: PublicUpdate): string {
  const facts = [
    update.status ? `Estado: ${escapeHtml(update.status)}` : '',
    update.progress !== null ? `Avance: ${Math.round(update.progress)} %` : '',
  ].filter(Boolean);
  return `<li><time datetime="${escapeHtml(update.date)}"><strong>${day(update.date)}</strong></time>${
    facts.length ? ` · ${facts.join(' · ')}` : ''
  }<p>${escapeHtml(update.text)}</p>${update.photos.map((p, i) => photoTag(processId, update, i, p)).join('')}</li>`;
}

function projectSection(processId: string, project: PublicProject): string {
  const headingId = `p-${project.id}`;
  const label = `Avance de ${project.outline} ${project.title}`.trim();
  return `<section class="project${project.kind === 'action' ? ' action' : ''}" aria-labelledby="${headingId}">
<p class="kicker">${project.kind === 'action' ? 'Acción' : 'Proyecto'} ${escapeHtml(project.outline)}</p>
<h2 id="${headingId}">${escapeHtml(project.title)}</h2>
<p>Estado: <span class="status">${escapeHtml(project.status)}</span></p>
<div class="bar" role="progressbar" aria-valuenow="${project.progress}" aria-valuemin="0" aria-valuemax="100" aria-valuetext="${project.progress} %" aria-label="${escapeHtml(label)}"><span style="width:${project.progress}%"></span></div>
<p>Avance: <strong>${project.progress} %</strong>${
    project.rolledUpFrom
      ? ` (promedio${project.rolledUpFrom.weighted ? ' ponderado' : ''} de sus ${project.rolledUpFrom.actions} acciones)`
      : ''
  }</p>
${project.description ? `<p>${escapeHtml(project.description)}</p>` : ''}
${project.areas.length ? `<p>Áreas de gobierno: ${project.areas.map(escapeHtml).join(', ')}</p>` : ''}
${
  project.updates.length
    ? `<h3>Avances</h3><ol reversed>${project.updates.map((u) => updateItem(processId, u)).join('')}</ol>`
    : ''
}</section>`;
}

/** The whole page of a published process. */
export function renderPublicPage(model: PublicPageModel): string {
  const name = escapeHtml(model.name);
  const body =
    model.agendaNumber === null
      ? '<p>La Agenda Local de este barrio todavía no ha sido validada por su Asamblea Comunitaria.</p>'
      : model.projects.length === 0
        ? '<p>Todavía no hay proyectos publicados de la Agenda Local.</p>'
        : model.projects.map((p) => projectSection(model.processId, p)).join('\n');
  return `<!doctype html>
<html lang="es-MX">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>Agenda Local · ${name}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<p class="kicker">Agenda Local para el Desarrollo Comunitario${
    model.agendaNumber !== null ? ` · versión ${model.agendaNumber} validada` : ''
  }</p>
<h1>${name}</h1>
${model.units.length ? `<p>${model.units.map(escapeHtml).join(', ')}</p>` : ''}
<p>Última actualización: <time datetime="${model.lastChange}">${timeFormat.format(Date.parse(model.lastChange))}</time></p>
</header>
<main>
${body}
</main>
<footer><p>Lo acordado por el barrio y cómo va. Esta página muestra solo lo que el equipo del proceso decidió publicar.</p></footer>
</body>
</html>
`;
}

/** The answer to an unknown or unpublished page. */
export function renderNotPublished(): string {
  return `<!doctype html>
<html lang="es-MX">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Página no publicada</title><style>body{font:1rem/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}</style></head>
<body><main><h1>Esta página no está publicada</h1><p>El proceso no existe o su equipo dejó de publicarlo.</p></main></body>
</html>
`;
}
