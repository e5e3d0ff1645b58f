/**
 * The text of each page of a PDF printed by Chromium, enough to check what a printed page says
 * (its page number, its headings). Chromium's PDFs write text as glyph ids in Flate-compressed
 * content streams, with a ToUnicode map per font; this reads those and nothing else.
 */
import { inflateSync } from 'node:zlib';

function streamOf(body: Buffer): Buffer | null {
  const text = body.toString('latin1');
  const start = text.search(/stream\r?\n/);
  const end = text.lastIndexOf('endstream');
  if (start < 0 || end < 0) return null;
  const offset = start + (text.slice(start).startsWith('stream\r\n') ? 8 : 7);
  const raw = body.subarray(offset, end).subarray(0);
  if (!text.includes('FlateDecode')) return raw;
  try {
    return inflateSync(raw);
  } catch {
    return inflateSync(raw.subarray(0, raw.length - 1));
  }
}

function toUnicode(cmap: string): Map<number, string> {
  const table = new Map<number, string>();
  const hex = (h: string) => Number.parseInt(h, 16);
  const utf16 = (h: string) => Buffer.from(h, 'hex').swap16().toString('utf16le');
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, a, b] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      table.set(hex(a!), utf16(b!));
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, a, b, c] of block!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      for (let g = hex(a!); g <= hex(b!); g++) table.set(g, String.fromCharCode(hex(c!) + g - hex(a!)));
  return table;
}

/** The text of every page, in order. */
export function pdfPageTexts(pdf: Buffer): string[] {
  const objects = new Map<number, Buffer>();
  const source = pdf.toString('latin1');
  for (const m of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) {
    const start = m.index + m[0].indexOf('obj') + 3;
    objects.set(Number(m[1]), pdf.subarray(start, start + m[2]!.length));
  }
  const fonts = new Map<string, Map<number, string>>();
  for (const body of objects.values()) {
    const text = body.toString('latin1');
    for (const [, block] of text.matchAll(/\/Font\s*<<([\s\S]*?)>>/g))
      for (const [, name, ref] of block!.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        const font = objects.get(Number(ref))?.toString('latin1') ?? '';
        const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(font)?.[1];
        const cmap = cmapRef ? streamOf(objects.get(Number(cmapRef))!) : null;
        if (cmap) fonts.set(name!, toUnicode(cmap.toString('latin1')));
      }
  }
  const pages: string[] = [];
  for (const body of objects.values()) {
    const text = body.toString('latin1');
    if (!/\/Type\s*\/Page\b/.test(text)) continue;
    const contents = /\/Contents (\d+) 0 R/.exec(text)?.[1];
    const stream = contents ? streamOf(objects.get(Number(contents))!) : null;
    if (!stream) continue;
    let font = new Map<number, string>();
    let out = '';
    for (const tok of stream.toString('latin1').matchAll(/\/(\w+)\s+[\d.]+\s+Tf|<([0-9A-Fa-f]+)>/g)) {
      if (tok[1]) font = fonts.get(tok[1]) ?? new Map();
      else {
        const h = tok[2]!;
        for (let i = 0; i < h.length; i += 4) out += font.get(Number.parseInt(h.slice(i, i + 4), 16)) ?? '';
      }
    }
    pages.push(out);
  }
  return pages;
}
