import { z } from 'zod';
import { bytesArg as bytes, idArg as id } from './arg-schemas.js';
import type { Message } from '../i18n/message.js';

/**
 * The library part of the API contract (issue 15: the offline library of adopted texts,
 * searched by paragraph; electron/library/ holds it): its types, argument schemas and result
 * types. contract.ts composes them into the one contract; import from there.
 */

/** How `library.search` reads its query: an exact phrase, all of the words, parts of words (trigrams), or paragraphs like it. */
export const librarySearchModes = ['phrase', 'words', 'partial', 'similar'] as const;

/** One of `librarySearchModes`. */
export type LibrarySearchMode = (typeof librarySearchModes)[number];

/**
 * One paragraph the library found. `id` is the library's paragraph id (stable until the
 * paragraph's source is replaced); `label` like 'PP 3', 'OP 5 (b)'; `date` as the document
 * prints it (e.g. '14 January 2020', '' when unknown); `body` the body line ('The General
 * Assembly'); `language` 'en', 'fr', ...; `adopted` false for a draft; `score` orders the
 * hits (higher is better, only comparable within one answer); `similarity` 0..1 (mode
 * 'similar' and provenance: word-shingle resemblance to the query); `sharedBy` how many
 * library documents hold this paragraph's text (normalized) verbatim.
 */
export type LibraryHit = {
  id: string;
  symbol: string;
  label: string;
  title: string;
  date: string;
  body: string;
  language: string;
  adopted: boolean;
  text: string;
  score: number;
  similarity?: number;
  sharedBy?: number;
};

/** What a paragraph of a document is against the library: found verbatim, found nearly (reworded), or new language. */
export type ProvenanceStatus = 'verbatim' | 'near' | 'new';

/** One paragraph of a provenance report: its label and text, its status and the best library hit (null when new). */
export type ProvenanceParagraph = { label: string; text: string; status: ProvenanceStatus; hit: LibraryHit | null };

// 200 MB as for files.import: a whole session's zip is about 5 MB.
const fileBytes = bytes.refine((b) => b.byteLength <= 200_000_000, { message: 'file larger than 200 MB' });
const inputFile = z.object({ name: z.string().min(1).max(1000), bytes: fileBytes }).strict();

/** Argument schemas of the library channels. */
export const libraryChannelArgs = {
  'library.add': z
    .object({
      files: z.array(inputFile).max(10_000).optional(),
      documentIds: z.array(id).max(10_000).optional(),
      revisionIds: z.array(id).max(10_000).optional(),
      adopted: z.boolean().optional(),
      jobId: z.string().min(1).max(200).optional(),
    })
    .strict(),
  'library.search': z
    .object({
      query: z.string().max(20_000),
      mode: z.enum(librarySearchModes),
      limit: z.number().int().min(1).max(500).optional(),
      body: z.string().max(500).optional(),
      language: z.string().max(20).optional(),
    })
    .strict(),
  'library.stats': z.object({}).strict(),
  'library.provenance': z.object({ id, revisionId: id.optional() }).strict(),
} as const;

/** Result types of the library channels. */
export type LibraryChannelResults = {
  /**
   * Adds files (Akoma Ntoso .xml, a zip such as a session's download, .docx, .txt; read
   * through electron/files/formats.ts) and documents or revisions of the store to the
   * library, as adopted texts unless `adopted` is false (drafts). A file already in the
   * library with the same content changes nothing (counted in `skipped`); a changed one
   * replaces its paragraphs. `documents`/`paragraphs` count what was (re)indexed. With `jobId`,
   * pushes `files.progress` and can be cancelled with `files.cancel` ('cancelled'; what was
   * added before the cancel stays, each source whole or not at all). 'invalid-argument' for
   * an unreadable file, naming it; 'not-found' for an unknown document or revision.
   */
  'library.add': { documents: number; paragraphs: number; skipped: number; warnings: string[]; messages?: Message[] };
  /**
   * Paragraphs of the library for `query`, best first (`limit`, default 20): 'phrase' those
   * holding the exact phrase (case, accents and punctuation aside), 'words' those holding
   * every word, 'partial' those holding every fragment (3 characters or more, trigram index),
   * 'similar' near-duplicates of the query paragraph (MinHash/LSH, then exact resemblance).
   * Ranked by match quality, adopted over draft, recency, the same `body` (when given) and
   * `sharedBy`. `language` keeps only paragraphs in that language. Never fails on the query's
   * characters: FTS5 syntax in it is searched as text. An empty query gives no hits.
   */
  'library.search': { hits: LibraryHit[] };
  /** How many documents and paragraphs the library holds, and its file's size in bytes (0 before the first add). */
  'library.stats': { documents: number; paragraphs: number; bytes: number };
  /**
   * For the document `id` (or its revision `revisionId`), every numbered paragraph with its
   * status against the library: 'verbatim' (the same normalized text is there), 'near'
   * (similarity >= 0.6) or 'new', with the best hit; `share` is the fraction of paragraphs
   * that are verbatim or near (0 for a document without paragraphs). 'not-found' for an
   * unknown document or revision.
   */
  'library.provenance': { paragraphs: ProvenanceParagraph[]; share: number };
};
