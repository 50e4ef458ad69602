import { z } from 'zod';
import { bytesArg as bytes, idArg as id } from './arg-schemas.js';
import type { Message } from '../i18n/message.js';
import type { DocumentSummary } from './contract.js';

/**
 * The file part of the API contract (import and export of Word, Akoma Ntoso, PDF and text;
 * electron/files/ holds the formats): its types, argument schemas, result types and the
 * progress event. contract.ts composes them into the one contract; import from there.
 */

/** The formats the backend reads (`files.inspect`, `files.import`). */
export const fileImportFormats = ['text', 'akn', 'docx'] as const;

/** The formats the backend writes (`files.export`). */
export const fileExportFormats = ['text', 'akn', 'docx', 'pdf'] as const;

/** What to do with a Word document's tracked changes on import. */
export const trackedChangeModes = ['accept', 'reject', 'proposals'] as const;

/** Tracked changes found in Word input (see shared/formats/types.ts TrackedChangeCounts). */
export type FileTrackedChanges = { insertions: number; deletions: number; authors: string[] };

/** One input file: its name (for the error messages and the format's extension) and its bytes. */
export type InputFile = { name: string; bytes: Uint8Array };

/** The progress of a long import or export, pushed as `files.progress`: `done` of `total` steps at `stage`. */
export type FileProgress = { jobId: string; done: number; total: number; stage: string };

// 200 MB: a whole session's zip is about 5 MB; anything far beyond is not a resolution.
const fileBytes = bytes.refine((b) => b.byteLength <= 200_000_000, { message: 'file larger than 200 MB' });
const inputFile = z.object({ name: z.string().min(1).max(1000), bytes: fileBytes }).strict();
const jobId = z.string().min(1).max(200);

/** Argument schemas of the file channels. */
export const filesChannelArgs = {
  'files.inspect': inputFile,
  'files.import': z
    .object({
      files: z.array(inputFile).min(1).max(10_000),
      trackedChanges: z.enum(trackedChangeModes).optional(),
      authorDelegations: z.record(z.string().max(500), z.string().min(1).max(40)).optional(),
      jobId: jobId.optional(),
    })
    .strict(),
  'files.export': z
    .object({
      id,
      revisionId: id.optional(),
      format: z.enum(fileExportFormats),
      view: z.enum(['compilation', 'clean']).optional(),
      brackets: z.enum(['tags', 'comments']).optional(),
      tags: z.boolean().optional(),
      changesFromRevisionId: id.optional(),
      paper: z.enum(['a4', 'letter']).optional(),
      jobId: jobId.optional(),
    })
    .strict(),
  'files.cancel': z.object({ jobId }).strict(),
} as const;

/** Result types of the file channels. */
export type FilesChannelResults = {
  /**
   * What a file holds, read without storing anything: its format (told by content, not
   * only by the extension), the documents' titles and symbols, the reader's warnings (English,
   * and as catalogue `messages` index-aligned, for the interface language), a Word
   * document's tracked changes (null for other formats) and `unknownAuthors`, the change
   * authors that name no delegation of seeds/delegations.json (the Import dialog asks which
   * delegation each speaks for). 'invalid-argument' for a file Penholder cannot read (a PDF,
   * a broken package), naming the file.
   */
  'files.inspect': {
    format: (typeof fileImportFormats)[number];
    documents: { title: string; symbol: string }[];
    warnings: string[];
    messages?: Message[];
    trackedChanges: FileTrackedChanges | null;
    unknownAuthors: string[];
  };
  /**
   * Creates the documents of every file in the store (origin 'import'), in their order in the
   * input (a zip is unpacked by the backend), and announces them with `documents.changed`.
   * Word tracked changes are accepted, rejected or kept as proposals (`trackedChanges`,
   * default 'accept'), attributed through `authorDelegations` (author -> delegation) where
   * the author names none. With `jobId`, pushes `files.progress` and can be cancelled
   * (`files.cancel`: fails 'cancelled', nothing stored). Nothing is stored when any file fails.
   * `warnings` in English, `messages` the same as catalogue messages (index-aligned).
   */
  'files.import': { documents: DocumentSummary[]; warnings: string[]; messages?: Message[]; trackedChanges: FileTrackedChanges | null };
  /**
   * The document (or its revision `revisionId`) as a file: `fileName` after the symbol with
   * '/' as '_' (e.g. E_CN.15_2023_L.6_Rev.1.docx; the title when there is no symbol), its MIME
   * type and bytes. `changesFromRevisionId` (Word) shows the changes since that revision as
   * tracked changes; `view` compilation (default) or clean; `brackets` as tags (default) or
   * Word comments; `paper` a4 (default) or letter for PDF. With `jobId`, as for import.
   */
  'files.export': { fileName: string; mime: string; bytes: Uint8Array };
  /** Stops the running import or export with that job id at its next step (no effect when none runs). */
  'files.cancel': { ok: true };
};

/** Events of the file channels. */
export type FilesEventPayloads = {
  /** A step of a long import or export started with a `jobId`. */
  'files.progress': FileProgress;
};
