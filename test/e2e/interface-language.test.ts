import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('interface-language');

// The interface language as the page states it, and the document's own text and language.
const pageLanguage = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
const documentText = (page: Page) => page.locator('.ph-document').innerText();

// Opens the profile dialog from the top bar's profile button (named in whichever language is on).
async function openProfile(page: Page) {
  await page.locator('.profile-button').click();
  const dialog = page.locator('dialog[open]').filter({ has: page.locator('#profile-dialog-title') });
  await dialog.waitFor();
  return dialog;
}

// Widest overflow of any element of `selector` whose text is clipped (scrollWidth > clientWidth), as "text: px".
const clipped = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((els) =>
    els
      .filter((el) => el instanceof HTMLElement && el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'auto' && getComputedStyle(el).overflowX !== 'scroll')
      .map((el) => `${(el.textContent ?? '').trim().slice(0, 40)}: ${el.scrollWidth - el.clientWidth}px`),
  );

describe('interface language in Chromium at 1366x768', { timeout: 120_000 }, () => {
  it('switches the interface to French and back while an English document stays English, and keeps the choice', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await pageLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await createFromTemplate(page, 'Interface under test');
    const englishDocument = await documentText(page);
    expect(englishDocument).toContain('The General Assembly,');

    // Français, picked in the profile dialog, applies at once: the dialog itself turns French.
    let profile = await openProfile(page);
    await profile.getByLabel('Interface language').selectOption('fr');
    await expect.poll(() => pageLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    expect(await profile.locator('h2').textContent()).toBe('Votre profil');
    expect(await profile.getByRole('button', { name: 'Annuler' }).count()).toBe(1);
    expect(await profile.getByLabel('Langue de l’interface').inputValue()).toBe('fr');
    await screenshot(page, 'interface-language-profile-fr');
    expect(await clipped(page, 'dialog[open] button, dialog[open] label span, dialog[open] h2')).toEqual([]);
    await profile.getByRole('button', { name: 'Annuler' }).click();

    // The help sheet is French; the document is not touched by the interface language.
    await page.locator('.ph-document .ph-op').first().click();
    await page.keyboard.press('F1');
    const help = page.getByRole('dialog', { name: 'Aide et raccourcis clavier' });
    await help.waitFor();
    expect(await help.locator('.help-how-to h3').allTextContents()).toEqual(['Rédiger un projet de résolution', 'Négocier le texte', 'Accueillir des consultations', 'Rejoindre des consultations']);
    expect(await help.textContent()).toContain('Agrandir / réduire la page');
    await screenshot(page, 'interface-language-help-fr');
    await page.keyboard.press('Escape');
    expect(await documentText(page)).toBe(englishDocument);

    // The choice is stored with the installation's preferences: a reload opens in French.
    await page.reload();
    await expect.poll(() => pageLanguage(page)).toEqual({ lang: 'fr', dir: 'ltr' });
    await page.locator('.profile-button').waitFor();
    expect(await page.locator('.profile-button').getAttribute('aria-label')).toBe('Indiquer votre nom et votre délégation');
    // The top bar and the document bar's menus speak French; the bar keeps one row and clips nothing.
    const bar = page.getByRole('banner');
    expect(await bar.getByRole('toolbar', { name: 'Commencer un document' }).getByRole('button', { name: 'Nouveau d’après un modèle' }).count()).toBe(1);
    expect(await bar.getByRole('button', { name: 'Importer…' }).count()).toBe(1);
    expect(await bar.getByRole('button', { name: 'Exporter…' }).count()).toBe(1);
    expect(await clipped(page, '.top-bar button')).toEqual([]);
    await screenshot(page, 'interface-language-top-bar-fr');

    // And back to English.
    profile = await openProfile(page);
    await profile.getByLabel('Langue de l’interface').selectOption('en');
    await expect.poll(() => pageLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await profile.locator('h2').textContent()).toBe('Your profile');
    await profile.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await expect.poll(() => pageLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(errors).toEqual([]);
  });
});
