import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { operativeLabel } from '../../shared/document/labels.js';
import { ARTIFACTS_DIR, caretToDocumentEnd, openPage, pressAtOnce, screenshot } from './browser.js';
import { useWebShell } from './web-shell-fixture.js';

const env = useWebShell('arabic');
const title = 'توسيع عضوية اللجنة التنفيذية';

type Box = { left: number; right: number; top: number; bottom: number };

// The box of the `index`-th character of an element's text (its text nodes in order, without widgets or pseudo-elements).
function charBox(locator: Locator, index: number): Promise<Box> {
  return locator.evaluate((el, at) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let rest = at;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement?.closest('[contenteditable="false"]')) continue;
      const length = (n.textContent ?? '').length;
      if (rest < length) {
        const range = document.createRange();
        range.setStart(n, rest);
        range.setEnd(n, rest + 1);
        const r = range.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }
      rest -= length;
    }
    throw new Error(`no character ${at}`);
  }, index);
}

// The box of an element's own text (its text nodes, so without its ::before and ::after).
function textBox(locator: Locator): Promise<Box> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    return {
      left: Math.min(...rects.map((r) => r.left)),
      right: Math.max(...rects.map((r) => r.right)),
      top: Math.min(...rects.map((r) => r.top)),
      bottom: Math.max(...rects.map((r) => r.bottom)),
    };
  });
}

// The box of an element's ::before (absolutely placed labels), from its used position and size.
function beforeBox(locator: Locator): Promise<Box> {
  return locator.evaluate((el) => {
    const style = getComputedStyle(el, '::before');
    const host = el.getBoundingClientRect();
    const left = host.left + parseFloat(style.left);
    const top = host.top + parseFloat(style.top);
    return { left, right: left + parseFloat(style.width), top, bottom: top + parseFloat(style.height) };
  });
}

// How far a bracket's drawn marks reach past its words: `opening`, on the first line, from the words'
// right edge to the bracket's (right to left, where "[" shows); `closing`, on the last line, from the
// bracket's left edge to the words' (where "] (TAG)" shows). Per line, as a bracket may wrap.
function bracketMarks(locator: Locator): Promise<{ opening: number; closing: number; lines: number }> {
  return locator.evaluate((el) => {
    const boxes = [...el.getClientRects()].filter((r) => r.width > 0);
    const range = document.createRange();
    range.selectNodeContents(el);
    const words = [...range.getClientRects()].filter((r) => r.width > 0);
    const first = (rects: DOMRect[]) => rects.filter((r) => Math.abs(r.top - rects[0]!.top) < 4);
    const last = (rects: DOMRect[]) => rects.filter((r) => Math.abs(r.top - rects[rects.length - 1]!.top) < 4);
    const right = (rects: DOMRect[]) => Math.max(...rects.map((r) => r.right));
    const left = (rects: DOMRect[]) => Math.min(...rects.map((r) => r.left));
    const lines = new Set(boxes.map((r) => Math.round(r.top / 4))).size;
    return { opening: right(first(boxes)) - right(first(words)), closing: left(last(words)) - left(last(boxes)), lines };
  });
}

// Where the selection is: its focus as the offset of characters into `el`'s text, and the caret's x.
function caret(page: Page): Promise<{ text: string; focus: number; anchor: number; x: number; selected: string }> {
  return page.evaluate(() => {
    const selection = window.getSelection();
    if (!selection?.focusNode) throw new Error('no selection');
    const block = (selection.focusNode.nodeType === Node.TEXT_NODE ? selection.focusNode.parentElement : (selection.focusNode as Element))?.closest('.ph-text');
    if (!block) throw new Error('the selection is not in a paragraph text');
    const offsetOf = (node: Node, offset: number) => {
      const range = document.createRange();
      range.setStart(block, 0);
      range.setEnd(node, offset);
      return range.toString().length;
    };
    const collapsed = document.createRange();
    collapsed.setStart(selection.focusNode, selection.focusOffset);
    const rects = collapsed.getClientRects();
    return {
      text: block.textContent ?? '',
      focus: offsetOf(selection.focusNode, selection.focusOffset),
      anchor: selection.anchorNode ? offsetOf(selection.anchorNode, selection.anchorOffset) : -1,
      x: rects[0]?.left ?? collapsed.getBoundingClientRect().left,
      selected: selection.toString(),
    };
  });
}

const labels = (page: Page, selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => el.getAttribute('data-label')));

describe('editing an Arabic resolution right to left, in Chromium', { timeout: 180_000 }, () => {
  it('types, splits, indents, moves in visual order and brackets, with numbers and brackets mirrored', async () => {
    const { page, errors } = await openPage(env.browser, env.shell.url);
    await page.getByLabel('Text file to import').setInputFiles(path.resolve('test/fixtures/rtl/ar-negotiation.txt'));
    const result = page.getByRole('status', { name: 'Import result' });
    await result.waitFor();
    await result.getByRole('button', { name: new RegExp(title) }).click();
    const doc = page.locator('.ph-document');
    await doc.locator('.ph-op').nth(1).waitFor();
    expect(await doc.getAttribute('dir')).toBe('rtl');
    expect(await doc.getAttribute('lang')).toBe('ar');
    expect(await labels(page, '.ph-op')).toEqual(['1 -', '2 -']);

    // The masthead is the document's: "United Nations" in Arabic, at the right.
    expect(await doc.locator('.ph-un').textContent()).toBe('الأمم المتحدة');
    expect(await doc.locator('.ph-organ').textContent()).toBe('الجمعية العامة');
    const un = await doc.locator('.ph-un').boundingBox();
    const organ = await doc.locator('.ph-organ').boundingBox();
    const page0 = await doc.boundingBox();
    if (!un || !organ || !page0) throw new Error('no masthead');
    expect(un.x + un.width).toBeGreaterThan(page0.x + page0.width - 4);
    expect(organ.x + organ.width).toBeGreaterThan(page0.x + page0.width - 4);

    // Numbers on the right: OP 1's label right of its text's first character, inside the page.
    const op1 = doc.locator('.ph-op').first();
    const label1 = await beforeBox(op1);
    const first1 = await charBox(op1.locator('.ph-text'), 0);
    const opBox = await op1.boundingBox();
    if (!opBox) throw new Error('no OP 1 box');
    expect(label1.left).toBeGreaterThanOrEqual(first1.right);
    expect(label1.right).toBeLessThanOrEqual(opBox.x + opBox.width);
    expect(Math.abs(label1.top - first1.top)).toBeLessThan(first1.bottom - first1.top);
    // A footnote marker follows its word to the left, raised, as the text reads on.
    const marker = await doc.locator('.ph-pp').nth(1).locator('.ph-footnote').evaluate((el) => {
      const before = el.previousSibling;
      if (!before || before.nodeType !== Node.TEXT_NODE) throw new Error('no text before the footnote marker');
      const text = before.textContent ?? '';
      const at = text.search(/\p{L}\P{L}*$/u);
      const range = document.createRange();
      range.setStart(before, at);
      range.setEnd(before, at + 1);
      const word = range.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      return { markerRight: box.right, markerTop: box.top, wordLeft: word.left, wordTop: word.top };
    });
    expect(marker.markerRight).toBeLessThanOrEqual(marker.wordLeft + 1);
    expect(marker.markerTop).toBeLessThan(marker.wordTop + 2);
    // The status margin mirrors too: OP 1's status chip stands in the left margin, clear of the text.
    await op1.hover();
    const chip = await op1.locator('.ph-status').boundingBox();
    if (!chip) throw new Error('no status chip');
    expect(chip.x + chip.width).toBeLessThanOrEqual((await textBox(op1.locator('> .ph-text'))).left + 1);

    // Brackets mirror: "[" opens on the right of the bracketed words, "] (CAN)" closes on their left,
    // also for Latin words inside Arabic text ([UNESCO (JPN)]).
    for (const tag of ['CAN', 'JPN']) {
      const bracket = doc.locator(`.ph-bracket[data-proposed-by="${tag}"]`);
      const { opening, closing } = await bracketMarks(bracket);
      expect(opening, `[ of ${tag} at the right`).toBeGreaterThan(2);
      expect(opening, `nothing but [ at the right of ${tag}`).toBeLessThan(12);
      expect(closing, `] (${tag}) at the left`).toBeGreaterThan(25);
      const whole = await bracket.boundingBox();
      if (whole) await page.screenshot({ path: path.join(ARTIFACTS_DIR, `arabic-bracket-${tag}.png`), clip: { x: whole.x - 2, y: whole.y, width: whole.width + 4, height: whole.height } });
    }
    await screenshot(page, 'arabic-editing-opened');

    // Across a bracket: ArrowLeft from the word before it walks on through the bracketed words and out.
    // (Offsets count the paragraph's own text: the bracket's drawn marks are not text.)
    const can = doc.locator('.ph-bracket[data-proposed-by="CAN"]');
    const into = await op1.locator('> .ph-text').evaluate((el, bracket) => {
      const range = document.createRange();
      range.setStart(el, 0);
      range.setEndBefore(bracket as Node);
      return range.toString().length;
    }, await can.elementHandle());
    const beforeWord = await charBox(op1.locator('> .ph-text'), into - 2);
    await page.mouse.click(beforeWord.left + 1, (beforeWord.top + beforeWord.bottom) / 2);
    const walk: number[] = [(await caret(page)).focus];
    const past = into + ((await can.textContent()) ?? '').length + 3;
    for (let i = 0; i < 40 && walk[walk.length - 1]! < past; i++) {
      await page.keyboard.press('ArrowLeft');
      walk.push((await caret(page)).focus);
    }
    // One character per press, into the bracket, through it and out (no press lost or doubled at its edges).
    expect(walk[0]).toBeLessThan(into);
    expect(walk[walk.length - 1]).toBe(past);
    expect(walk).toEqual(Array.from({ length: walk.length }, (_, i) => walk[0]! + i));
    await doc.locator('.ph-operative').screenshot({ path: path.join(ARTIFACTS_DIR, 'arabic-editing-brackets.png') });

    // Type at the end of the text: a new OP, then two subparagraphs with Tab.
    await caretToDocumentEnd(page, op1.locator('.ph-text'));
    await page.keyboard.press('Enter');
    await expect.poll(() => labels(page, '.ph-op')).toEqual(['1 -', '2 -', '3 -']);
    expect(await doc.locator('.ph-op').nth(2).locator('> .ph-text').textContent()).toBe('');
    const typed = ['تقرر أن تبقي هذه المسألة قيد نظرها:', 'أن تنظر في تقرير الأمين العام؛', 'أن تقدم توصيات إلى المجلس.'];
    // The opener completion (Arabic openers) may open a frame after typing: closed before a structure key,
    // which it would otherwise take (Enter and Tab accept a completion).
    const type = async (text: string) => {
      await page.keyboard.type(text);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (await page.locator('.ph-completion:not([hidden])').count()) await page.keyboard.press('Escape');
    };
    await type(typed[0]!);
    await page.keyboard.press('Enter');
    await type('');
    await page.keyboard.press('Tab');
    await type(typed[1]!);
    await page.keyboard.press('Enter');
    await type(typed[2]!);
    await expect.poll(() => labels(page, '.ph-op')).toEqual(['1 -', '2 -', '3 -']);
    await expect.poll(() => labels(page, '.ph-sub')).toEqual(['(أ)', '(ب)']);
    expect(await doc.locator('.ph-op').nth(2).locator('.ph-sub > .ph-text').allTextContents()).toEqual([typed[1], typed[2]]);
    expect(await doc.locator('.ph-op').nth(2).locator('> .ph-text').textContent()).toBe(typed[0]);
    // Subparagraph labels on the right too, one step further in than the OP's.
    const sub = doc.locator('.ph-sub').first();
    const subLabel = await beforeBox(sub);
    expect(subLabel.left).toBeGreaterThanOrEqual((await charBox(sub.locator('.ph-text'), 0)).right);
    expect(subLabel.right).toBeLessThan((await beforeBox(doc.locator('.ph-op').nth(2))).left);

    // Arrows move in visual order: from the start of (ب), ArrowLeft goes forward in the text and left on screen.
    await page.keyboard.press('Home');
    const start = await caret(page);
    expect(start.focus).toBe(0);
    let previous = start;
    for (let i = 1; i <= 3; i++) {
      await page.keyboard.press('ArrowLeft');
      const now = await caret(page);
      expect(now.focus).toBe(i);
      expect(now.x).toBeLessThan(previous.x);
      previous = now;
    }
    await page.keyboard.press('ArrowRight');
    const back = await caret(page);
    expect(back.focus).toBe(2);
    expect(back.x).toBeGreaterThan(previous.x);
    // Shift+ArrowLeft selects the next characters (to the left on screen).
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
    const selection = await caret(page);
    expect([selection.anchor, selection.focus]).toEqual([3, 7]);
    expect(selection.selected).toBe(typed[2]!.slice(3, 7));

    // Bracketing the selection in negotiation: a new bracket, drawn mirrored like the others.
    const before = await doc.locator('span.ph-bracket').count();
    await page.keyboard.press('Control+Alt+b');
    await expect.poll(() => doc.locator('span.ph-bracket').count()).toBe(before + 1);
    const fresh = doc.locator('.ph-sub').nth(1).locator('span.ph-bracket');
    expect(await fresh.textContent()).toBe(typed[2]!.slice(3, 7));
    const marks = await bracketMarks(fresh);
    expect(marks.opening).toBeGreaterThan(2);
    expect(marks.closing).toBeGreaterThan(2);

    // A paragraph bracketed whole: its "[" widget opens at the right of the first word, "]" closes at the left of the last.
    await page.waitForTimeout(600);
    await page.keyboard.press('Control+Alt+Shift+b');
    const open = doc.locator('.ph-para-bracket-open');
    await open.waitFor();
    const bracketed = doc.locator('.ph-sub').nth(1).locator('> .ph-text');
    const openBox = await open.boundingBox();
    const closeBox = await doc.locator('.ph-para-bracket-close').boundingBox();
    if (!openBox || !closeBox) throw new Error('no paragraph bracket drawn');
    const firstChar = await charBox(bracketed, 0);
    const lastChar = await charBox(bracketed, typed[2]!.length - 1);
    expect(openBox.x).toBeGreaterThanOrEqual(firstChar.right - 1);
    expect(closeBox.x + closeBox.width).toBeLessThanOrEqual(lastChar.left + 1);
    await page.mouse.move(5, 5);
    await screenshot(page, 'arabic-editing-typed');

    // The compilation view draws the tags inside the brackets ("[words (CAN)]"), mirrored as well.
    await page.getByRole('radiogroup', { name: 'View' }).getByRole('radio', { name: 'Compilation' }).click();
    const compilation = page.locator('.negotiation-page .ph-document');
    await compilation.locator('.ph-op').nth(2).waitFor();
    expect(await compilation.getAttribute('dir')).toBe('rtl');
    const tagged = compilation.locator('.ph-bracket[data-proposed-by="CAN"]');
    const inCompilation = await bracketMarks(tagged);
    expect(inCompilation.opening).toBeLessThan(12);
    expect(inCompilation.closing).toBeGreaterThan(25);
    await screenshot(page, 'arabic-editing-compilation');
    expect(errors).toEqual([]);
  });

  // A fast typist's click, Ctrl+End and Enter: the keys reach the page before it has handled the one
  // before (Chromium announces a moved caret a task later, and input events go first), and in a long
  // resolution the last paragraphs skip layout off screen (content-visibility). Before the fix the Enter
  // split OP 1 at the click, or added an empty OP before the last one.
  it('adds the new OP at the end when Enter follows a click and Ctrl+End at once, in Arabic and English', async () => {
    for (const language of ['ar', 'en'] as const) {
      const { page, errors } = await openPage(env.browser, env.shell.url);
      const official = readFileSync(path.resolve(`test/fixtures/import/languages/${language}.txt`), 'utf8');
      await page.getByLabel('Text file to import').setInputFiles({ name: `${language}-long.txt`, mimeType: 'text/plain', buffer: Buffer.from(lengthened(official, 30, language)) });
      await page.getByRole('status', { name: 'Import result' }).getByRole('button', { name: language === 'ar' ? /توسيع عضوية/ : /Enlargement of the Executive/ }).click();
      const doc = page.locator('.ph-document');
      await doc.locator('.ph-op').nth(29).waitFor();
      const texts = () => doc.locator('.ph-op > .ph-text').allTextContents();
      const original = await texts();
      expect(original).toHaveLength(30);
      const op1 = doc.locator('.ph-op').first().locator('> .ph-text');
      for (let round = 0; round < 3; round++) {
        await op1.click();
        await pressAtOnce(page, ['Control+End', 'Enter']);
        await expect.poll(async () => (await texts()).length, { message: `${language} round ${round}: one OP more` }).toBe(31);
        expect(await texts(), `${language} round ${round}: the new OP is last, nothing split`).toEqual([...original, '']);
        await page.keyboard.press('Control+z');
        await expect.poll(texts).toEqual(original);
      }
      // A click then Enter at once: the Enter splits the paragraph clicked, not the one the caret was in before.
      await op1.click();
      const op2 = doc.locator('.ph-op').nth(1).locator('> .ph-text');
      await op2.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const box = await charBox(op2, 20);
      const clickAt = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
      await pressAtOnce(page, ['Enter'], clickAt);
      await expect.poll(async () => (await texts()).length).toBe(31);
      const split = await texts();
      expect(split[0]).toBe(original[0]);
      expect([split[1], split[2]].every((text) => text !== '')).toBe(true);
      expect(`${split[1]}${split[2]}`).toBe(original[1]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});

// An official resolution lengthened to `count` OPs (OP 1 repeated, the last OP last), long enough that
// its last paragraphs are off screen when OP 1 is clicked.
function lengthened(text: string, count: number, language: 'ar' | 'en'): string {
  const lines = text.split('\n');
  const opLine = (n: number) => lines.findIndex((line) => line.startsWith(`${operativeLabel(n, language)} `));
  const first = opLine(1);
  const last = opLine(2);
  const body = (index: number) => (lines[index] ?? '').slice(`${operativeLabel(index === first ? 1 : 2, language)} `.length);
  const ops = Array.from({ length: count }, (_, i) => `${operativeLabel(i + 1, language)} ${body(i === count - 1 ? last : first)}`);
  return [...lines.slice(0, first), ops.join('\n\n'), ...lines.slice(last + 1)].join('\n');
}
