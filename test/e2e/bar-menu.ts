import type { Locator, Page } from 'playwright-core';

/** The menu button `menu` ("Negotiation", "Consultation", "View") of the open document's bar. */
export function barMenuButton(page: Page, menu: string): Locator {
  return page.getByRole('toolbar', { name: 'Document' }).getByRole('button', { name: new RegExp(`^${menu}`) });
}

/** The entry `name` (a menuitem or menuitemcheckbox, exact name) of the bar menu `menu`, opening the menu first. */
export async function barMenuItem(page: Page, menu: string, name: string): Promise<Locator> {
  const button = barMenuButton(page, menu);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const list = page.getByRole('menu', { name: menu });
  return list.getByRole('menuitem', { name, exact: true }).or(list.getByRole('menuitemcheckbox', { name, exact: true }));
}

/** Opens the bar menu `menu` and chooses its entry `name`. */
export async function chooseInBar(page: Page, menu: string, name: string): Promise<void> {
  await (await barMenuItem(page, menu, name)).click();
}
