import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, placeCaret, screenshot } from './browser.js';
import { createFromTemplate, useWebShell } from './web-shell-fixture.js';

const env = useWebShell('interface-language');

// The interface language as the page states it, and the document's own text and language.
const pageLanguage = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
// (The status margin's words are the interface's, drawn beside each paragraph: left out.)
const documentText = (page: Page) =>
  page.locator('.ph-document').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const status of copy.querySelectorAll('.ph-status')) status.remove();
    return copy.textContent ?? '';
  });

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
    // Delegations are named in French: CLDR's name of the State, the UN's where it differs.
    await profile.getByLabel('Trouver votre délégation').fill('allem');
    expect(await profile.getByRole('button', { name: 'Choisir Allemagne (DEU)' }).count()).toBe(1);
    await profile.getByLabel('Trouver votre délégation').fill('RUS');
    expect(await profile.getByRole('button', { name: 'Choisir Fédération de Russie (RUS)' }).count()).toBe(1);
    await profile.getByRole('button', { name: 'Annuler' }).click();

    // The editor's plugins redrew their text without a reload: the status margin's tooltip and
    // label, the negotiation toolbar's buttons and its prompt are French; the document is not.
    const statusButton = page.locator('.ph-document .ph-op .ph-status-button').first();
    await expect.poll(() => statusButton.getAttribute('title')).toBe('OP 1\u00a0: En attente');
    expect(await statusButton.getAttribute('aria-label')).toBe('État de OP 1\u00a0: En attente');
    const negotiation = page.getByRole('toolbar', { name: 'Négociation' });
    expect(await negotiation.locator('[data-command="bracket"]').getAttribute('aria-label')).toBe('Mettre la sélection entre crochets');
    expect(await page.getByRole('toolbar', { name: 'Édition' }).locator('[data-command="new-op"]').getAttribute('aria-label')).toBe('Nouveau paragraphe du dispositif');
    // The faces name the parts in French words too, not the English PP / OP.
    expect(await page.getByRole('toolbar', { name: 'Édition' }).locator('[data-command="new-pp"], [data-command="new-op"]').allTextContents()).toEqual(['+ Al. préamb.', '+ Par. disp.']);
    await page.locator('.ph-document .ph-op').first().dblclick();
    await page.keyboard.press('Control+Alt+n');
    const prompt = page.getByRole('dialog', { name: 'Ajouter une variante' });
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('La variante se place juste après le passage entre crochets\u00a0: [actuel][variante].');
    expect(await prompt.getByLabel('Texte de la variante').count()).toBe(1);
    await screenshot(page, 'interface-language-prompt-fr');
    await page.keyboard.press('Escape');
    await prompt.waitFor({ state: 'hidden' });
    await page.locator('.ph-document .ph-op').first().hover();
    await screenshot(page, 'interface-language-negotiation-fr');
    // The document bar keeps one row with the longer French words (view names, save status).
    const documentBar = page.locator('.document-bar');
    const rowOf = (name: string) => documentBar.getByRole('button', { name, exact: true }).first().evaluate((el) => Math.round(el.getBoundingClientRect().top));
    expect(await rowOf('Fermer')).toBe(await rowOf('Révisions'));
    // The status dialog names the states and their meaning in French.
    await page.keyboard.press('Control+Alt+Shift+S');
    const status = page.getByRole('dialog', { name: 'État de OP 1' });
    await status.waitFor();
    expect(await status.getByRole('radio', { name: 'En discussion', exact: true }).count()).toBe(1);
    expect(await status.textContent()).toContain('En cours de négociation.');
    // Who records the change is named in French (the role; no name in this profile).
    await expect.poll(() => status.locator('.status-current strong').last().textContent()).toBe('Facilitation');
    await status.getByRole('radio', { name: 'Approuvé', exact: true }).check();
    await status.getByRole('button', { name: 'Définir l’état' }).click();
    await status.waitFor({ state: 'hidden' });
    // The margin's tooltip says who and when in French, the time as local date and time.
    await expect.poll(() => statusButton.getAttribute('title')).toMatch(/^OP 1\u00a0: Approuvé, fixé par Facilitation le \d{1,2} [a-zéû]+ \d{4}, \d\d:\d\d$/);
    await page.keyboard.press('Control+Alt+Shift+S');
    await status.waitFor();
    expect(await status.locator('.status-history li').first().textContent()).toMatch(/^\d{1,2} [a-zéû]+ \d{4}, \d\d:\d\d, Facilitation\u00a0: En attente → Approuvé$/);
    await screenshot(page, 'interface-language-status-fr');
    await page.keyboard.press('Escape');
    await status.waitFor({ state: 'hidden' });

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
    // A style problem of the English document is listed in French (the opener's mark as written).
    await placeCaret(page.locator('.ph-op > .ph-text').first());
    await page.keyboard.press('Backspace');
    await page.keyboard.type(',');
    await expect.poll(() => page.getByRole('complementary', { name: 'Problèmes de style' }).locator('.problem-text').first().textContent()).toBe('se termine par «\u00a0,\u00a0» alors qu’il faut un point-virgule (un paragraphe du dispositif se termine par un point-virgule)');
    await screenshot(page, 'interface-language-problems-fr');

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
    // The new-document dialog names and describes its templates in French.
    await bar.getByRole('button', { name: 'Nouveau d’après un modèle' }).click();
    const templates = page.getByRole('dialog', { name: 'Nouveau d’après un modèle' });
    await templates.getByRole('list', { name: 'Modèles' }).waitFor();
    expect(await templates.locator('[data-template-id="general-assembly-resolution"] .template-name').textContent()).toBe('Résolution de l’Assemblée générale');
    expect(await templates.locator('[data-template-id="ecosoc-resolution"] .template-description').textContent()).toContain('commission technique');
    await screenshot(page, 'interface-language-templates-fr');
    // A document made from it opens with the status margin in French.
    await templates.locator('[data-template-id="general-assembly-resolution"]').click();
    await expect.poll(() => page.locator('.ph-document .ph-op .ph-status-button').first().getAttribute('title')).toBe('OP 1\u00a0: En attente');

    // A refusal made in the backend (a PDF given to the import) is said in French too.
    const pdfDir = mkdtempSync(path.join(tmpdir(), 'penholder-fr-pdf-'));
    const pdf = path.join(pdfDir, 'Rev1.pdf');
    writeFileSync(pdf, '%PDF-1.7\n');
    await bar.getByRole('button', { name: 'Importer…' }).click();
    const importDialog = page.getByRole('dialog', { name: 'Importer' });
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), importDialog.getByRole('button', { name: 'Choisir des fichiers…' }).click()]);
    await chooser.setFiles(pdf);
    const refused = page.locator('.banner-error .banner-text');
    await expect.poll(() => refused.textContent()).toBe('L’importation de «\u00a0Rev1.pdf\u00a0» a échoué\u00a0: Rev1.pdf est un PDF\u00a0: Penholder lit les fichiers Word, Akoma Ntoso et texte');
    await screenshot(page, 'interface-language-backend-error-fr');
    await page.locator('.banner-error').getByRole('button').click();
    // A reader's warning (a stray bracket in a text file) is listed in French in the import report.
    const text = path.join(pdfDir, 'eau.txt');
    writeFileSync(text, 'Water for all\n\nThe General Assembly,\n\n1. Decides to act ] now;\n\n2. Requests a report;\n');
    await bar.getByRole('button', { name: 'Importer…' }).click();
    const [textChooser] = await Promise.all([page.waitForEvent('filechooser'), importDialog.getByRole('button', { name: 'Choisir des fichiers…' }).click()]);
    await textChooser.setFiles(text);
    const report = page.locator('.import-report');
    await expect.poll(() => report.locator('.import-warnings li').allTextContents()).toEqual([
      'eau.txt\u00a0: ligne 5, document 1, OP 1\u00a0: un crochet fermant «\u00a0]\u00a0» n’a pas de crochet ouvrant\u00a0; il est conservé comme texte (près de «\u00a0Decides to act ] now;\u00a0»)',
    ]);
    expect(await report.locator('.import-warnings summary').textContent()).toBe('1 avertissement');
    expect(await report.locator('.import-documents li').allTextContents()).toEqual(['Résolution\u00a0: Water for all']);
    await screenshot(page, 'interface-language-import-warning-fr');
    rmSync(pdfDir, { recursive: true, force: true });
    await report.getByRole('button', { name: 'Fermer le résultat de l’importation' }).click();

    // And back to English.
    profile = await openProfile(page);
    await profile.getByLabel('Langue de l’interface').selectOption('en');
    await expect.poll(() => pageLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await profile.locator('h2').textContent()).toBe('Your profile');
    await profile.getByRole('button', { name: 'Cancel' }).click();
    // The margin turns English again at once.
    await expect.poll(() => page.locator('.ph-document .ph-op .ph-status-button').first().getAttribute('title')).toBe('OP 1: Pending');
    await page.reload();
    await expect.poll(() => pageLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(errors).toEqual([]);
  });
});
