import { useState } from 'react';
import type { ApiClient } from '../../shared/api/contract.js';
import { interfaceLanguages } from '../../shared/i18n/languages.js';
import { messageOf } from '../format.js';
import { applyInterfaceLanguage, useT } from './index.js';

/** Props of the interface-language picker. */
export type InterfaceLanguageFieldProps = { api: ApiClient };

/**
 * "Interface language: English / Français": switches the app's own language at once and
 * stores the choice with this installation's preferences (`preferences.set`), so the next
 * start opens in it. Each language is named in itself, so a user who cannot read the current
 * one still finds theirs. Documents keep their own language.
 */
export function InterfaceLanguageField({ api }: InterfaceLanguageFieldProps) {
  const { t, language } = useT();
  const [error, setError] = useState<string | null>(null);
  const choose = (code: string) => {
    setError(null);
    void applyInterfaceLanguage(code);
    api.invoke('preferences.set', { interfaceLanguage: code }).catch((cause: unknown) => setError(t('profile:languageNotSaved', { reason: messageOf(cause) })));
  };
  return (
    <label className="field interface-language-field">
      <span>{t('profile:interfaceLanguage')}</span>
      <select value={language} onChange={(e) => choose(e.target.value)}>
        {interfaceLanguages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
      <small className="field-hint">{t('profile:interfaceLanguageHint')}</small>
      {error ? (
        <small className="dialog-error" role="alert">
          {error}
        </small>
      ) : null}
    </label>
  );
}

/** Reads the stored interface language (`preferences.get`) and switches to it; a backend that cannot say leaves the system language. */
export async function loadInterfaceLanguage(api: ApiClient): Promise<void> {
  try {
    const { interfaceLanguage } = await api.invoke('preferences.get', {});
    await applyInterfaceLanguage(interfaceLanguage);
  } catch {
    // An older backend without preferences: the system language stays.
  }
}
