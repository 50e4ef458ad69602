import type Database from 'better-sqlite3';
import type { Preferences, Profile, RememberedJoin, RevisionSummary } from '../../shared/api/contract.js';
import { toSummary } from './revisions.js';

/** The profile before the user has set one: no name, no delegation. */
export const EMPTY_PROFILE: Profile = { name: '', delegation: '' };

/** A host's access codes (see electron/consultation/access.ts) and the documents it served with them. */
export type HostCodes = { joinCode: string; facilitatorCode: string; documents: string[] };

// Enough for a delegate's conferences of a season; the list is only for filling in the join dialog.
const maxRememberedJoins = 20;

/**
 * The local profile (one per installation, kept in `settings` as JSON) and each user's
 * last-viewed revision per document. A user is a name and a delegation: two people sharing
 * one data folder under different profiles each keep their own "since I last looked".
 */
export function settingsOf(db: Database.Database, now: () => Date) {
  const q = {
    get: db.prepare("SELECT value FROM settings WHERE key = 'profile'").pluck(),
    set: db.prepare("INSERT INTO settings (key, value) VALUES ('profile', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    getPrefs: db.prepare("SELECT value FROM settings WHERE key = 'preferences'").pluck(),
    setPrefs: db.prepare("INSERT INTO settings (key, value) VALUES ('preferences', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    getUi: db.prepare('SELECT value FROM settings WHERE key = ?').pluck(),
    setUi: db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
    deleteUi: db.prepare('DELETE FROM settings WHERE key = ?'),
    getCodes: db.prepare("SELECT value FROM settings WHERE key = 'hostCodes'").pluck(),
    setCodes: db.prepare("INSERT INTO settings (key, value) VALUES ('hostCodes', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    getJoins: db.prepare("SELECT value FROM settings WHERE key = 'consultations'").pluck(),
    setJoins: db.prepare("INSERT INTO settings (key, value) VALUES ('consultations', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
    mark: db.prepare(
      'INSERT INTO last_viewed (doc_id, user_name, delegation, revision_id, viewed_at) VALUES (@docId, @name, @delegation, @revisionId, @at) ' +
        'ON CONFLICT (doc_id, user_name, delegation) DO UPDATE SET revision_id = excluded.revision_id, viewed_at = excluded.viewed_at',
    ),
    lastViewed: db.prepare(
      'SELECT r.id, r.doc_id, r.seq, r.kind, r.label, r.author, r.delegation, r.created_at FROM last_viewed v ' +
        'JOIN revisions r ON r.id = v.revision_id WHERE v.doc_id = ? AND v.user_name = ? AND v.delegation = ?',
    ),
  };
  // Read once: the writer lock makes this store the only one that changes the profile.
  let profile: Profile | undefined;
  const joinedConsultations = (): RememberedJoin[] => {
    const value = q.getJoins.get() as string | undefined;
    return value === undefined ? [] : (JSON.parse(value) as RememberedJoin[]);
  };
  return {
    /** The local profile ({@link EMPTY_PROFILE} until set). */
    getProfile(): Profile {
      if (!profile) {
        const value = q.get.get() as string | undefined;
        const parsed = (value === undefined ? {} : JSON.parse(value)) as Partial<Profile>;
        profile = { name: String(parsed.name ?? ''), delegation: String(parsed.delegation ?? '') };
      }
      return { ...profile };
    },
    /** Saves the local profile (trimmed) durably and returns it. */
    setProfile(next: Profile): Profile {
      const saved = { name: next.name.trim(), delegation: next.delegation.trim() };
      q.set.run(JSON.stringify(saved));
      profile = saved;
      return { ...saved };
    },
    /** This installation's interface preferences (interface language null, the system's, until set). */
    getPreferences(): Preferences {
      const value = q.getPrefs.get() as string | undefined;
      const parsed = (value === undefined ? {} : JSON.parse(value)) as Partial<Preferences>;
      return { interfaceLanguage: typeof parsed.interfaceLanguage === 'string' ? parsed.interfaceLanguage : null };
    },
    /** Saves the interface preferences durably and returns them. */
    setPreferences(next: Preferences): Preferences {
      const saved: Preferences = { interfaceLanguage: next.interfaceLanguage };
      q.setPrefs.run(JSON.stringify(saved));
      return saved;
    },
    /** A user-interface setting (stored under 'ui.' + key, apart from the app's own keys), null when never set. */
    getUiSetting(key: string): string | null {
      return (q.getUi.get(`ui.${key}`) as string | undefined) ?? null;
    },
    /** Stores a user-interface setting (null deletes it). */
    setUiSetting(key: string, value: string | null): void {
      if (value === null) q.deleteUi.run(`ui.${key}`);
      else q.setUi.run(`ui.${key}`, value);
    },
    /** The consultations joined from this installation, newest first (see `rememberJoin`). */
    joinedConsultations,
    /**
     * Remembers a successful join (one entry per address: the latest code, identity and role,
     * and every document joined there), so a participant whose laptop restarted finds the
     * address and code filled in and its copies listed while the host is down. Keeps the
     * newest `maxRememberedJoins`.
     */
    rememberJoin(join: Omit<RememberedJoin, 'docIds' | 'joinedAt'> & { docId: string }): void {
      const all = joinedConsultations();
      const earlier = all.find((j) => j.url === join.url);
      const { docId, ...who } = join;
      const entry: RememberedJoin = { ...who, docIds: [docId, ...(earlier?.docIds ?? []).filter((d) => d !== docId)], joinedAt: now().toISOString() };
      q.setJoins.run(JSON.stringify([entry, ...all.filter((j) => j !== earlier)].slice(0, maxRememberedJoins)));
    },
    /**
     * The codes this installation last hosted `documents` with (the same set, in any order),
     * or undefined: hosting other documents is another consultation and gets fresh codes.
     */
    hostCodes(documents: readonly string[]): HostCodes | undefined {
      const value = q.getCodes.get() as string | undefined;
      const saved = value === undefined ? undefined : (JSON.parse(value) as HostCodes);
      const same = (a: readonly string[]) => [...a].sort().join('\u0000');
      return saved && Array.isArray(saved.documents) && same(saved.documents) === same(documents) ? saved : undefined;
    },
    /** Keeps the codes of a consultation hosted here, so a restarted host admits its participants again. */
    setHostCodes(codes: HostCodes): void {
      q.setCodes.run(JSON.stringify(codes));
    },
    /** Records that `user` has seen document `docId` as of revision `revisionId`. */
    markViewed(docId: string, user: Profile, revisionId: string): void {
      q.mark.run({ docId, name: user.name, delegation: user.delegation, revisionId, at: now().toISOString() });
    },
    /** The revision `user` last viewed of `docId`, or undefined if never. */
    lastViewed(docId: string, user: Profile): RevisionSummary | undefined {
      const row = q.lastViewed.get(docId, user.name, user.delegation) as Parameters<typeof toSummary>[0] | undefined;
      return row ? toSummary(row) : undefined;
    },
  };
}
