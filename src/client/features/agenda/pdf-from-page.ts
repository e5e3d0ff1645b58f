/**
 * A PDF made on the device from a printed document's own markup, for browsers
 * without `window.print`. jsPDF is loaded here with a dynamic import only, so
 * it is a chunk of its own: not in the first download, precached by the
 * service worker like every chunk, so it works offline.
 */
export type Paper = 'a4' | 'letter';

const MARGIN = 18; // mm
const BLOCKS = 'h1, h2, h3, h4, p, li, tr, dt, figcaption, caption';

interface Line {
  text: string;
  size: number;
  bold: boolean;
  gap: number;
}

/** The document's text, block by block, in reading order (nested blocks are read once, by their parent). */
function linesOf(root: HTMLElement): Line[] {
  const lines: Line[] = [];
  for (const el of root.querySelectorAll<HTMLElement>(BLOCKS)) {
    if (el.closest('.no-print')) continue;
    if (el.parentElement?.closest(BLOCKS) && el.tagName !== 'TR') continue;
    const tag = el.tagName;
    let text: string;
    if (tag === 'TR') text = [...el.children].map((c) => c.textContent?.trim() ?? '').join('  ·  ');
    else if (tag === 'DT')
      text = `${el.textContent?.trim() ?? ''}: ${el.nextElementSibling?.textContent?.trim() ?? ''}`;
    else text = el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (!text) continue;
    const heading = /^H[1-4]$/.test(tag);
    const size = tag === 'H1' || tag === 'H2' ? 14 : tag === 'H3' ? 12 : tag === 'H4' ? 11 : 10;
    lines.push({
      text: tag === 'LI' ? `• ${text}` : text,
      size,
      bold: heading || (tag === 'TR' && el.closest('thead') !== null),
      gap: heading ? 3 : 1,
    });
  }
  return lines;
}

/** Writes `root`'s text into a PDF of `paper` size, with page numbers, and downloads it as `fileName`. */
export async function downloadPdfOf(root: HTMLElement, paper: Paper, fileName: string, pageWord: string) {
  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ unit: 'mm', format: paper });
  const width = pdf.internal.pageSize.getWidth() - 2 * MARGIN;
  const bottom = pdf.internal.pageSize.getHeight() - MARGIN;
  let y = MARGIN;
  for (const line of linesOf(root)) {
    pdf.setFont('helvetica', line.bold ? 'bold' : 'normal');
    pdf.setFontSize(line.size);
    const height = line.size * 0.42;
    y += line.gap;
    for (const part of pdf.splitTextToSize(line.text, width) as string[]) {
      if (y + height > bottom) {
        pdf.addPage();
        y = MARGIN;
      }
      pdf.text(part, MARGIN, y + height);
      y += height + 0.8;
    }
  }
  const pages = pdf.getNumberOfPages();
  pdf.setFont('helvetica', 'normal');
  pdf.setFontSize(9);
  for (let page = 1; page <= pages; page++) {
    pdf.setPage(page);
    pdf.text(`${pageWord} ${page} / ${pages}`, pdf.internal.pageSize.getWidth() / 2, bottom + 8, {
      align: 'center',
    });
  }
  pdf.save(fileName);
}
