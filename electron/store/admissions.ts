import Database from 'better-sqlite3';
import type { ConsultationRole } from '../../shared/api/contract.js';
import type { AdmittedBy } from '../../shared/api/consultation-contract.js';

/** A key admitted to a consultation: its fingerprint, as which delegation, name and role, since when (ISO), and who admitted it (absent: not known, admitted before migration 9). */
export type StoredAdmission = { key: string; delegation: string; name: string; role: ConsultationRole; since: string; admittedBy?: AdmittedBy };

/** The admissions and per-delegation codes of one consultation, kept in the store's file (see `openAdmissions`). */
export type AdmissionRecords = {
  /** The admitted keys, oldest first. */
  list(): StoredAdmission[];
  /** Admits (or re-admits with new values) `entry.key`. */
  put(entry: StoredAdmission): void;
  /** Forgets an admitted key; true when it was there. */
  remove(key: string): boolean;
  /** The code handed to `delegation`, or undefined. */
  code(delegation: string): string | undefined;
  /** Every delegation code of the consultation. */
  codes(): { delegation: string; code: string }[];
  /** Keeps `code` as `delegation`'s. */
  setCode(delegation: string, code: string): void;
  /** Closes this connection to the file. Idempotent. */
  close(): void;
};

/**
 * The admissions of `consultation` (a host's set of documents) in the store file `file`
 * (tables of migration 7, which the store's own opening created). A connection of its own:
 * the store's object has no place for a host's records, and SQLite in WAL mode takes a
 * second connection in the same process; every write is one statement, durable at once.
 */
export function openAdmissions(file: string, consultation: string): AdmissionRecords {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const q = {
    list: db.prepare('SELECT key, delegation, name, role, since, admitted_by FROM consultation_admissions WHERE consultation = ? ORDER BY since, key'),
    put: db.prepare('INSERT OR REPLACE INTO consultation_admissions (consultation, key, delegation, name, role, since, admitted_by) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    remove: db.prepare('DELETE FROM consultation_admissions WHERE consultation = ? AND key = ?'),
    code: db.prepare('SELECT code FROM consultation_codes WHERE consultation = ? AND delegation = ?').pluck(),
    codes: db.prepare('SELECT delegation, code FROM consultation_codes WHERE consultation = ? ORDER BY delegation'),
    setCode: db.prepare('INSERT OR REPLACE INTO consultation_codes (consultation, delegation, code) VALUES (?, ?, ?)'),
  };
  return {
    list: () => (q.list.all(consultation) as (StoredAdmission & { admitted_by: string })[]).map(({ admitted_by, ...e }) => (admitted_by ? { ...e, admittedBy: readAdmittedBy(admitted_by) } : e)),
    put: (e) => void q.put.run(consultation, e.key, e.delegation, e.name, e.role, e.since, e.admittedBy ? JSON.stringify(e.admittedBy) : ''),
    remove: (key) => q.remove.run(consultation, key).changes > 0,
    code: (delegation) => q.code.get(consultation, delegation) as string | undefined,
    codes: () => q.codes.all(consultation) as { delegation: string; code: string }[],
    setCode: (delegation, code) => void q.setCode.run(consultation, delegation, code),
    close: () => {
      if (db.open) db.close();
    },
  };
}

// Written by `put` above from an AdmittedBy; read back as is (the file is this installation's own).
const readAdmittedBy = (json: string): AdmittedBy => JSON.parse(json) as AdmittedBy;

/** In memory, for a host without a store file (tests of the protocol alone). */
export function memoryAdmissions(): AdmissionRecords {
  const admitted = new Map<string, StoredAdmission>();
  const codes = new Map<string, string>();
  return {
    list: () => [...admitted.values()],
    put: (e) => void admitted.set(e.key, { ...e }),
    remove: (key) => admitted.delete(key),
    code: (d) => codes.get(d),
    codes: () => [...codes].map(([delegation, code]) => ({ delegation, code })),
    setCode: (d, c) => void codes.set(d, c),
    close: () => undefined,
  };
}
