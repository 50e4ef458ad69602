import enCommon from './locales/en/common.json';
import frCommon from './locales/fr/common.json';
import enProfile from './locales/en/profile.json';
import frProfile from './locales/fr/profile.json';
import enHelp from './locales/en/help.json';
import frHelp from './locales/fr/help.json';
import enDocuments from './locales/en/documents.json';
import frDocuments from './locales/fr/documents.json';
import enRecord from './locales/en/record.json';
import frRecord from './locales/fr/record.json';
import enNegotiation from './locales/en/negotiation.json';
import frNegotiation from './locales/fr/negotiation.json';
import enRevisions from './locales/en/revisions.json';
import frRevisions from './locales/fr/revisions.json';
import enLibrary from './locales/en/library.json';
import frLibrary from './locales/fr/library.json';
import enDesktop from './locales/en/desktop.json';
import frDesktop from './locales/fr/desktop.json';
import enConsultation from './locales/en/consultation.json';
import frConsultation from './locales/fr/consultation.json';
import enApp from './locales/en/app.json';
import frApp from './locales/fr/app.json';
import enEditor from './locales/en/editor.json';
import frEditor from './locales/fr/editor.json';
import enTemplates from './locales/en/templates.json';
import frTemplates from './locales/fr/templates.json';
import enDelegations from './locales/en/delegations.json';
import frDelegations from './locales/fr/delegations.json';
import enFormats from './locales/en/formats.json';
import frFormats from './locales/fr/formats.json';
import enBackend from './locales/en/backend.json';
import frBackend from './locales/fr/backend.json';
import enChecks from './locales/en/checks.json';
import frChecks from './locales/fr/checks.json';

/**
 * The interface's message catalogues: one JSON file per namespace (an area of the app) per
 * language under shared/i18n/locales/<lang>/<namespace>.json. A new area adds its two files
 * and one line per language below; a new language adds a folder, a block here and an entry in
 * languages.ts. test/shared/i18n checks that every language has the same keys, plural forms
 * aside, and the same {{variables}} as English.
 */
export const catalogues = {
  en: { common: enCommon, profile: enProfile, help: enHelp, documents: enDocuments, record: enRecord, negotiation: enNegotiation, revisions: enRevisions, library: enLibrary, desktop: enDesktop, consultation: enConsultation, app: enApp, editor: enEditor, templates: enTemplates, delegations: enDelegations, formats: enFormats, backend: enBackend, checks: enChecks },
  fr: { common: frCommon, profile: frProfile, help: frHelp, documents: frDocuments, record: frRecord, negotiation: frNegotiation, revisions: frRevisions, library: frLibrary, desktop: frDesktop, consultation: frConsultation, app: frApp, editor: frEditor, templates: frTemplates, delegations: frDelegations, formats: frFormats, backend: frBackend, checks: frChecks },
} as const;

/** The namespaces, in the order their files are listed. */
export const namespaces = Object.keys(catalogues.en) as (keyof (typeof catalogues)['en'])[];
