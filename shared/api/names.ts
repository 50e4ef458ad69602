/**
 * The channel and event names of the API contract, with no dependencies, so that the
 * preload bundle (which only needs the allow-lists) does not pull in zod. contract.ts
 * checks at compile time that these lists match its argument schemas exactly.
 */

/** Every channel name of the contract. */
export const channelNames = [
  'templates.list',
  'documents.list',
  'documents.createFromTemplate',
  'documents.importText',
  'documents.open',
  'documents.applyUpdate',
  'documents.subscribe',
  'documents.unsubscribe',
  'profile.get',
  'profile.set',
  'revisions.list',
  'revisions.create',
  'revisions.open',
  'revisions.restore',
  'revisions.newDocument',
  'revisions.lastViewed',
  'revisions.markViewed',
  'history.list',
  'history.authors',
  'consultation.host',
  'consultation.stopHosting',
  'consultation.join',
  'consultation.documents',
  'consultation.recent',
  'consultation.leave',
  'consultation.status',
  'presence.set',
  'notes.list',
  'notes.set',
  'negotiation.overview',
  'negotiation.bracketLife',
  'negotiation.series',
  'negotiation.base',
  'negotiation.setBase',
  'negotiation.issueClean',
  'files.inspect',
  'files.import',
  'files.export',
  'files.cancel',
  'library.add',
  'library.search',
  'library.stats',
  'library.provenance',
  'record.issue', 'record.list', 'record.exportFile', 'record.verifyFile',
] as const;

/** Every pushed event name of the contract. */
export const eventNameList = [
  'document.update',
  'documents.changed',
  'revisions.changed',
  'consultation.status',
  'presence.changed',
  'files.progress',
] as const;
