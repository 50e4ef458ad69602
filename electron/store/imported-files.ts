import type Database from 'better-sqlite3';

/**
 * What was imported from one source (a file's absolute path, or a name the caller derives,
 * such as standard input's content hash): the SHA-256 of the content read then, the
 * documents made from it in order, and when.
 */
export type ImportedFile = { source: string; sha256: string; documents: string[]; importedAt: string };

/**
 * The files a headless host imported (`penholder host --open FILE`), one row per source in
 * the `settings` key-value table (key `imported-file:<source>`, value JSON). A host
 * restarted with the same --open serves the documents recorded here instead of importing
 * the file again, so its participants keep converging on the same document ids.
 */
export function importedFilesOf(db: Database.Database, now: () => Date) {
  const q = {
    get: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
    set: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
  };
  const key = (source: string) => `imported-file:${source}`;
  return {
    /** The last import recorded for `source`, or undefined (never imported, or an unreadable row). */
    importedFile(source: string): ImportedFile | undefined {
      const value = q.get.get(key(source)) as string | undefined;
      if (value === undefined) return undefined;
      try {
        const parsed = JSON.parse(value) as Partial<ImportedFile>;
        if (typeof parsed.sha256 !== 'string' || !Array.isArray(parsed.documents)) return undefined;
        return { source, sha256: parsed.sha256, documents: parsed.documents.map(String), importedAt: String(parsed.importedAt ?? '') };
      } catch {
        return undefined;
      }
    },
    /** Records (durably) that `documents` were imported from `source` with content hash `sha256`, replacing any earlier record. */
    rememberImport(record: Omit<ImportedFile, 'importedAt'>): ImportedFile {
      const saved: ImportedFile = { ...record, documents: [...record.documents], importedAt: now().toISOString() };
      q.set.run(key(record.source), JSON.stringify({ sha256: saved.sha256, documents: saved.documents, importedAt: saved.importedAt }));
      return saved;
    },
  };
}
