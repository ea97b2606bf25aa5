// What the board's browser tests share: reading a column's totals and dragging a card with the mouse.
import type { Locator, Page } from 'playwright-core';

export type Process = { id: number; stages: { id: number; name: string; probability: number }[] };

/** The text of one header line of a stage's column: count, total or weighted. */
export async function header(column: Locator, total: 'count' | 'sum' | 'weighted'): Promise<string> {
  const selector = total === 'count' ? '[data-total="count"]' : `[data-currency="DKK"] [data-total="${total}"]`;
  const cell = column.locator(selector);
  return (await cell.count()) === 0 ? '' : ((await cell.first().textContent()) ?? '');
}

/** Presses the mouse on the card's drag handle and moves it in small steps onto the target. */
export async function dragWithMouse(page: Page, handle: Locator, target: Locator): Promise<void> {
  await handle.scrollIntoViewIfNeeded();
  const from = await handle.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag handle or target is not visible');
  const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
  const end = { x: to.x + to.width / 2, y: to.y + Math.min(to.height / 2, 200) };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // past the sensor's 4 px activation distance first, then across in steps
  await page.mouse.move(start.x + 10, start.y + 5, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 25 });
  await page.mouse.move(end.x + 2, end.y + 2, { steps: 2 });
  await page.mouse.up();
}
