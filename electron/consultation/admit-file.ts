import fs from 'node:fs';
import { delegations } from '../../seeds/index.js';
import { consultationRoles, type ConsultationRole } from '../../shared/api/contract.js';
import { parseFingerprint } from '../../shared/record/fingerprint.js';
import { ConsultationError } from '../../shared/consultation/errors.js';
import { causeValue, msg } from '../../shared/i18n/message.js';

/** One key pre-admitted by `penholder host --admit FILE`: its fingerprint, as which delegation and role. */
export type PreAdmission = { key: string; delegation: string; name?: string; role: ConsultationRole };

const delegationCodes = new Set(delegations.map((d) => d.code));

/**
 * Reads an admission list: a JSON array of `{ "key", "delegation", "name"?, "role" }` where
 * `key` is the fingerprint of a participant's installation key (SHA-256 of the raw Ed25519
 * public key, 64 hex, grouped or not: what the participant's app shows as its key), the
 * delegation a code of the delegation list and the role one of facilitator, delegation,
 * observer. Throws a ConsultationError naming the file and the entry (from 1) for anything else; files
 * over 1 MB are refused before parsing.
 */
export function readAdmitFile(file: string): PreAdmission[] {
  let text: string;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(1_000_001);
      const n = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (n > 1_000_000) throw new ConsultationError(msg('checks:admit.tooBig'));
      text = buffer.subarray(0, n).toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw new ConsultationError(msg('checks:admit.cannotRead', { file, reason: causeValue(err) }), err);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConsultationError(msg('checks:admit.notJson', { file, reason: (err as Error).message }), err);
  }
  if (!Array.isArray(value)) throw new ConsultationError(msg('checks:admit.notArray', { file }));
  return value.map((raw: unknown, i) => {
    const entry = (key: string, values: Record<string, string> = {}) => new ConsultationError(msg('checks:admit.entry', { file, n: i + 1, what: msg(`checks:admit.${key}`, values) }));
    const e = (raw ?? {}) as Record<string, unknown>;
    const key = typeof e.key === 'string' ? parseFingerprint(e.key) : null;
    if (!key) throw entry('key');
    if (typeof e.delegation !== 'string' || !delegationCodes.has(e.delegation)) throw entry('delegation', { delegation: String(JSON.stringify(e.delegation ?? null)) });
    if (typeof e.role !== 'string' || !(consultationRoles as readonly string[]).includes(e.role)) throw entry('role', { roles: consultationRoles.join(', ') });
    if (e.name !== undefined && (typeof e.name !== 'string' || e.name.trim() === '' || e.name.length > 200)) throw entry('name');
    return { key, delegation: e.delegation, role: e.role as ConsultationRole, ...(typeof e.name === 'string' ? { name: e.name.trim() } : {}) };
  });
}
