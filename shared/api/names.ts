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
] as const;

/** Every pushed event name of the contract. */
export const eventNameList = ['document.update', 'documents.changed'] as const;
