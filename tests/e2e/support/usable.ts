/** What every screen owes its users, checked in one call: axe, no sideways scrolling, 48 px targets. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { describeSmallTargets, smallTargets } from './target-size';

/** axe, sideways scrolling and target sizes on what the page shows now, at tablet size and at 200 % zoom. */
export async function expectUsable(page: Page, where: string) {
  const problems: string[] = [];
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 640, height: 400 },
  ]) {
    await page.setViewportSize(viewport);
    const at = `${where} ${viewport.width}×${viewport.height}`;
    const axe = await new AxeBuilder({ page }).analyze();
    for (const v of axe.violations) problems.push(`${at}: axe ${v.id} (${v.nodes.length}) ${v.help}`);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    if (scrollWidth > clientWidth)
      problems.push(`${at}: scrolls sideways (${scrollWidth} > ${clientWidth} px)`);
    for (const small of describeSmallTargets(await smallTargets(page, 48)))
      problems.push(`${at}: target ${small}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(problems).toEqual([]);
}
