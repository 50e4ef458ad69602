import { Plugin, PluginKey, type Transaction } from 'prosemirror-state';
import { i18n } from './index.js';

/**
 * The editor's side of the interface language. Editor plugins run outside React and draw
 * interface text into decorations and widgets (tooltips, status labels); this plugin
 * dispatches one transaction carrying `interfaceLanguageKey` whenever the interface
 * language changes, so those plugins rebuild their text at once, without a reload. It
 * changes nothing in the document and adds nothing to the undo history.
 */

/** The meta key of the transaction announcing a new interface language (its value: the language code). */
export const interfaceLanguageKey = new PluginKey<null>('interface-language');

/** True when `tr` announces a change of the interface language: plugins holding interface text redraw it. */
export function interfaceLanguageChanged(tr: Transaction): boolean {
  return tr.getMeta(interfaceLanguageKey) !== undefined;
}

/** The plugin that listens to the interface language and announces each change to the editor's plugins. */
export function interfaceLanguagePlugin(): Plugin {
  return new Plugin({
    key: interfaceLanguageKey,
    view(view) {
      const announce = (language: string) => {
        if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(interfaceLanguageKey, language).setMeta('addToHistory', false));
      };
      i18n.on('languageChanged', announce);
      return { destroy: () => i18n.off('languageChanged', announce) };
    },
  });
}
