import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFromShape } from '../../../shared/api/contract.js';
import { msg } from '../../../shared/i18n/message.js';
import { errorText } from '../../../renderer/i18n/error-text.js';

describe('errorText', () => {
  it('says an error that carries a catalogue message in the interface language asked for', () => {
    const refused = apiErrorFromShape({ code: 'invalid-argument', message: 'Invalid argument for documents.open: id: Too small', text: msg('backend:api.invalidArgument', { channel: 'documents.open', detail: 'id: Too small' }) });
    expect(errorText(refused, 'fr')).toBe('Argument non valide pour documents.open\u00a0: id: Too small');
    expect(errorText(refused, 'en')).toBe('Invalid argument for documents.open: id: Too small');
    // Any error class with a `text` message, not only ApiError.
    const other = Object.assign(new Error('Unknown channel: x'), { text: msg('backend:api.unknownChannel', { channel: 'x' }) });
    expect(errorText(other, 'fr')).toBe('Canal inconnu\u00a0: x');
  });

  it('falls back to the English message, a string as written, and a sentence for an error without words', () => {
    expect(errorText(new ApiError('internal', 'disk on fire'), 'fr')).toBe('disk on fire');
    expect(errorText(apiErrorFromShape({ code: 'internal', message: 'kept', text: { key: 42 } }), 'fr')).toBe('kept');
    expect(errorText('plain words', 'fr')).toBe('plain words');
    expect(errorText(new Error(''), 'fr')).toBe('Une erreur s’est produite, sans plus de précisions.');
    expect(errorText(undefined, 'en')).toBe('Something went wrong, without further detail.');
  });
});
