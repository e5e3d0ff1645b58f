// @vitest-environment jsdom
/** GPX stays well-formed XML whatever characters a tour's title or the export's name holds. */
import { describe, expect, it } from 'vitest';
import type { TrackChunk } from '../../../src/domain';
import { escapeXml, tracksToGpx, type TourTrackInput } from '../../../src/domain/geo-export';

const PROCESS = '0b6f3a52-8c1e-4b7a-9d0e-5f2a1c3b4d5e';
const TOUR = '1c7e4b63-9d2f-4c8b-8e1f-6a3b2d4c5e6f';
const SEGMENT = '3e906d85-bf41-4ead-a031-8c5d4f6e7081';

const LONE_HIGH = '\uD83D';
const LONE_LOW = '\uDE00';
/** Every kind of character XML 1.0 cannot carry, between visible words. */
const HOSTILE = `Norte\u0000Sur\u0001Este\uFFFFOeste${LONE_HIGH}Centro${LONE_LOW}Fin\uFFFE\u001F.`;

function tour(title: string, date = '2026-03-14'): TourTrackInput {
  const points = [0, 1, 2].map((i) => ({
    lon: -99.07 + i * 0.0001,
    lat: 19.3576,
    acc: 8,
    t: new Date(Date.UTC(2026, 2, 14, 16, 0, i * 10)).toISOString(),
  }));
  const chunk = {
    processId: PROCESS,
    sessionId: TOUR,
    segmentId: SEGMENT,
    index: 0,
    source: 'gps',
    points,
  } as TrackChunk;
  return { sessionId: TOUR, title, date, chunks: [chunk] };
}

/** The document, or a failure naming the parser's complaint. */
function parseXml(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  expect(error?.textContent ?? null).toBeNull();
  return doc;
}

const textOf = (doc: Document, selector: string) =>
  [...doc.getElementsByTagName(selector)].map((el) => el.textContent);

describe('GPX with characters XML cannot carry', () => {
  it('is refused by the parser when such a character is written as is (the check is real)', () => {
    const doc = new DOMParser().parseFromString('<gpx><name>a\u0000b</name></gpx>', 'application/xml');
    expect(doc.getElementsByTagName('parsererror').length).toBeGreaterThan(0);
  });

  it('stays well-formed with NUL, U+0001, U+FFFF and lone surrogates in the title, name and date', () => {
    const gpx = tracksToGpx([tour(`${HOSTILE} <A&B>`, `2026-03-14${LONE_LOW}`)], `Proceso\u0000${HOSTILE}`);
    const doc = parseXml(gpx);

    expect(textOf(doc, 'name')).toEqual([
      'Proceso\uFFFDNorte\uFFFDSur\uFFFDEste\uFFFDOeste\uFFFDCentro\uFFFDFin\uFFFD\uFFFD.',
      'Norte\uFFFDSur\uFFFDEste\uFFFDOeste\uFFFDCentro\uFFFDFin\uFFFD\uFFFD. <A&B>',
    ]);
    expect(textOf(doc, 'desc')).toEqual(['2026-03-14\uFFFD']);
    // The track itself is intact.
    expect(doc.getElementsByTagName('trkpt')).toHaveLength(3);
  });

  it('keeps tab, newline, emoji (a paired surrogate) and accented text as they are', () => {
    const title = 'Calle 5 de Mayo\tñandú 😀\nfin';
    const doc = parseXml(tracksToGpx([tour(title)]));
    expect(textOf(doc, 'name')).toEqual([title]);
  });

  it('escapeXml replaces each character XML cannot carry with U+FFFD and escapes markup', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u000Ce\u001Ff')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf');
    expect(escapeXml(`${LONE_HIGH}x${LONE_LOW}\uFFFE\uFFFF`)).toBe('\uFFFDx\uFFFD\uFFFD\uFFFD');
    expect(escapeXml('\t\n\r😀\u007F\uFFFD')).toBe('\t\n\r😀\u007F\uFFFD');
    expect(escapeXml(`<\u0000&>`)).toBe('&lt;\uFFFD&amp;&gt;');
  });
});
