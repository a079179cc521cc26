/** Whether a page fits its viewport: no sideways scroll, and nothing drawn under the big screen's ticker. */
import type { Page } from 'playwright-core';

/** How many pixels wider than the viewport the page is (0 or less: no sideways scroll). */
export const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * Every element matching each selector that ends below the top of the ticker (the declaration strip), as
 * "selector #i ends at y, ticker at y", or whose content does not fit its own box; a selector matching
 * nothing is reported too, so a panel that is not up cannot pass for one that fits.
 */
export function underTheTicker(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((selectors) => {
    const ticker = document.querySelector('[data-testid="declaration-strip"]');
    if (!ticker) return ['no ticker on the page'];
    const tickerBox = ticker.getBoundingClientRect();
    const faults: string[] = [];
    if (tickerBox.bottom > window.innerHeight + 0.5) faults.push(`the ticker ends at ${tickerBox.bottom}, below the viewport`);
    for (const selector of selectors) {
      const found = [...document.querySelectorAll(selector)];
      if (found.length === 0) faults.push(`${selector}: not on the page`);
      found.forEach((element, i) => {
        const bottom = element.getBoundingClientRect().bottom;
        if (bottom > tickerBox.top + 0.5)
          faults.push(`${selector} #${i} ends at ${Math.round(bottom)}, ticker at ${Math.round(tickerBox.top)}`);
        // Its own text cut or spilling out of it (a legend entry wider than its column, a tile's lead under the next tile).
        if (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1)
          faults.push(
            `${selector} #${i} is cut: ${element.scrollWidth}x${element.scrollHeight} in ${element.clientWidth}x${element.clientHeight}`,
          );
      });
    }
    return faults;
  }, selectors);
}
