import path from 'node:path';
import { ApiError, type Handlers, type IssuedRecord, type ObjectionSummary, type OwnObjection, type RecordCheck, type RecordComparison, type SilenceSummary } from '../../shared/api/contract.js';
import {
  RecordError, canonicalDocument, deadlineWords, jcs, lateWords, outcomeWords, signObjection, silenceDeadline, silenceOf, silenceRecordType, verifyRevisionFile,
  type ChainRecord, type RevisionFile, type SilenceObjection, type SilenceState, type VerifiedRevision,
} from '../../shared/record/index.js';
import { recordsChanged } from '../consultation/record-host.js';
import { deliverObjections } from '../consultation/record-participant.js';
import { openInstallationKey, type InstallationKey } from '../identity/installation-key.js';
import { documentAtRevision } from '../store/issue-revision.js';
import { placeUnderSilence, settleSilence, silenceState } from '../store/silence-procedure.js';
import { broadcast, type BackendContext } from './context.js';
import { causeValue, msg } from '../../shared/i18n/message.js';
import { apiErrorOf } from '../../shared/api/api-error.js';

type SilenceChannels = 'record.silence' | 'record.placeSilence' | 'record.breakSilence' | 'record.compareFile';

/**
 * The document's current chain: the one this installation issued (`own`), else the longest
 * revision file received from a consultation's host (`received`, with its file), or none.
 */
export function currentChain(ctx: BackendContext, id: string): { own: boolean; records: ChainRecord[]; file?: RevisionFile } | null {
  const rows = ctx.store.records.chain(id);
  if (rows.length > 0) return { own: true, records: rows.map((r) => JSON.parse(r.text) as ChainRecord) };
  const last = ctx.store.records.received(id).at(-1);
  if (!last) return null;
  const file = JSON.parse(last.file) as RevisionFile;
  return { own: false, records: file.chain, file };
}

const objectionSummary = (o: SilenceObjection, arrived: string | null): ObjectionSummary => ({
  delegation: o.delegation, name: o.name, paragraphs: o.paragraphs, reason: o.reason, time: o.time, arrived, fingerprint: o.fingerprint,
});

/** A silence state as the contract shows it, with its words (late objections after the outcome). */
export function silenceSummary(state: SilenceState): SilenceSummary {
  const words = state.outcome === 'pending' ? `under silence until ${deadlineWords(state.deadline)}` : outcomeWords(state);
  const late = lateWords(state.late);
  return {
    label: state.label,
    deadline: state.deadline,
    outcome: state.outcome,
    brokenBy: state.brokenBy,
    objections: state.objections.map((o) => objectionSummary(o.objection, o.arrived)),
    late: state.late.map((o) => objectionSummary(o.objection, o.arrived)),
    words: late ? `${words}; ${late}` : words,
  };
}

/** The issued revisions of a chain as the contract lists them (revision records only), each with the silence procedure on it. */
export async function issuedList(records: readonly ChainRecord[], revisionIdOf: (n: number) => string, received: boolean): Promise<IssuedRecord[]> {
  const out: IssuedRecord[] = [];
  for (const [i, r] of records.entries()) {
    if (r.type === silenceRecordType) continue;
    let end = i + 1;
    while (records[end]?.type === silenceRecordType && records[end]!.contentHash === r.contentHash) end++;
    const state = end > i + 1 ? await silenceOf(records.slice(0, end)) : null;
    out.push({
      revisionId: revisionIdOf(i + 1), label: r.label, hash: r.contentHash, fingerprint: r.fingerprint, chain: i + 1, time: r.time,
      ...(received ? { received: true } : {}),
      ...(state ? { silence: silenceSummary(state) } : {}),
    });
  }
  return out;
}

/** A verified revision file as `record.verifyFile` and `record.compareFile` answer it: what `penholder verify` prints, the silence with its words. */
export function checkOf(v: VerifiedRevision): RecordCheck & { valid: true } {
  return { valid: true, label: v.label, issuer: v.issuer, fingerprint: v.fingerprint, chain: v.chain, hash: v.hash, docId: v.docId, ...(v.silence ? { silence: silenceSummary(v.silence) } : {}) };
}

/**
 * The silence and comparison channels of the record (issue 14 points 4 and 5; see
 * shared/api/record-contract.ts): the facilitator places the last issued revision under
 * silence (the consultation's participants receive it at once), a delegation breaks silence
 * with an objection signed by its installation key (kept, and delivered now or on
 * reconnecting), and a revision file received earlier is compared with the current one.
 */
export function createSilenceHandlers(ctx: BackendContext, installationKey: () => InstallationKey = () => openInstallationKey(path.dirname(ctx.store.file))): Pick<Handlers, SilenceChannels> {
  const mustExist = (id: string) => {
    ctx.assertOpen();
    if (!ctx.store.getDocument(id)) throw new ApiError('not-found', msg('backend:store.noDocument', { id }));
  };
  const mine = (id: string, silence: string): OwnObjection[] =>
    ctx.store.records.outgoing(id).flatMap((o) => {
      const objection = JSON.parse(o.text) as SilenceObjection;
      return objection.silence === silence ? [{ ...objectionSummary(objection, o.arrived), state: o.state, message: o.message, ...(o.messageText ? { text: o.messageText } : {}) }] : [];
    });
  const stateOf = async (id: string): Promise<SilenceState | null> => {
    const chain = currentChain(ctx, id);
    if (!chain) return null;
    if (!chain.own) return silenceOf(chain.records);
    // A deadline that passed while this installation hosted nothing is settled on the next look.
    if (await settleSilence(ctx.store, { docId: id, key: installationKey(), now: new Date() })) await recordsChanged(ctx.store, id);
    return silenceState(ctx.store, id);
  };
  const changed = (id: string) => broadcast(ctx, 'revisions.changed', { docId: id }, () => true);

  return {
    'record.silence': async ({ id }) => {
      mustExist(id);
      const state = await stateOf(id);
      const chain = currentChain(ctx, id);
      const silence = state ? silenceSummary(state) : null;
      // Only this silence's own objections: one for an earlier silence is no longer news.
      const ownObjections = state ? mine(id, state.silence) : [];
      return { silence, mine: ownObjections, canPlace: Boolean(chain?.own) && chain!.records.at(-1)!.type !== silenceRecordType };
    },
    'record.placeSilence': async ({ id, date, time, zone }) => {
      mustExist(id);
      let deadline;
      try {
        deadline = silenceDeadline(date.trim(), time.trim(), zone.trim());
      } catch (err) {
        throw new ApiError('invalid-argument', msg('backend:silence.deadlineUnreadable', { cause: causeValue(err) }));
      }
      // Outside the try: a key that cannot be read is this installation's failure, 'internal'.
      const key = installationKey();
      try {
        await placeUnderSilence(ctx.store, { docId: id, deadline, key, now: new Date() });
      } catch (err) {
        // A chain issued under another key refuses the step; a StoreError ('refused' or not) is the rule's (error-codes.ts).
        if (err instanceof RecordError) throw apiErrorOf('invalid-argument', err);
        throw err;
      }
      await recordsChanged(ctx.store, id);
      changed(id);
      return silenceSummary((await silenceState(ctx.store, id))!);
    },
    'record.breakSilence': async ({ id, paragraphs, reason }) => {
      mustExist(id);
      const state = await stateOf(id);
      if (!state || state.outcome !== 'pending') throw new ApiError('invalid-argument', msg('backend:silence.noneToBreak'));
      if (Date.now() > Date.parse(state.deadline.instant)) throw new ApiError('invalid-argument', msg('backend:silence.ended', { label: state.label, deadline: deadlineWords(state.deadline) }));
      const join = ctx.store.joinedConsultations().find((j) => j.docIds.includes(id));
      const profile = ctx.store.getProfile();
      const delegation = join?.delegation || profile.delegation;
      if (!delegation) throw new ApiError('invalid-argument', msg('backend:silence.noDelegation'));
      let objection: SilenceObjection;
      const key = installationKey();
      try {
        objection = await signObjection({ silence: state.silence, label: state.label, delegation, name: join?.name || profile.name, paragraphs, reason, time: new Date().toISOString() }, key);
      } catch (err) {
        // Paragraphs or a reason the objection's form does not allow.
        if (err instanceof RecordError) throw apiErrorOf('invalid-argument', err);
        throw err;
      }
      ctx.store.records.addOutgoing(id, objection.signature, jcs(objection));
      deliverObjections(ctx.store, id);
      changed(id);
      return { ...objectionSummary(objection, null), state: 'pending', message: '' };
    },
    'record.compareFile': async ({ id, bytes }) => {
      mustExist(id);
      let verified;
      try {
        verified = await verifyRevisionFile(bytes);
      } catch (err) {
        if (err instanceof RecordError) return { check: { valid: false, kind: err.kind, message: err.message, text: err.text } };
        throw err;
      }
      const check = checkOf(verified);
      const chain = currentChain(ctx, id);
      if (!chain) throw new ApiError('invalid-argument', msg('backend:silence.nothingToCompare'));
      const held = (JSON.parse(new TextDecoder().decode(bytes)) as RevisionFile).chain;
      const lastRevision = (records: readonly ChainRecord[]) => [...records].reverse().find((r) => r.type !== silenceRecordType)!;
      const current = lastRevision(chain.records);
      const newerDoc = chain.own
        ? JSON.parse(canonicalDocument(documentAtRevision(ctx.store, ctx.store.records.chain(id)[chain.records.lastIndexOf(current)]!.revisionId))) as unknown
        : chain.file!.document;
      const comparison: RecordComparison = { check, older: { label: verified.label, document: verified.document }, newer: { label: current.label, document: newerDoc } };
      const mismatch = held.findIndex((r, i) => i >= chain.records.length || jcs(r) !== jcs(chain.records[i]));
      if (mismatch >= 0) {
        const words = mismatch >= chain.records.length
          ? `${verified.label} → ${current.label}: chain broken: the file holds ${held.length} records, the current chain only ${chain.records.length}`
          : `${verified.label} → ${current.label}: chain broken at record ${mismatch + 1} (${held[mismatch]!.label}): the current chain holds another record there`;
        return { ...comparison, chain: { unbroken: false, same: false, words, between: [] } };
      }
      const heldLast = held.lastIndexOf(lastRevision(held));
      const between = chain.records.slice(heldLast + 1, chain.records.lastIndexOf(current)).filter((r) => r.type !== silenceRecordType).map((r) => r.label);
      const same = chain.records.lastIndexOf(current) === heldLast;
      const words = same
        ? `${verified.label} is the current issued revision: chain unbroken`
        : `${verified.label} → ${current.label}: chain unbroken, ${between.length === 0 ? 'no revision' : `${between.length} revision${between.length === 1 ? '' : 's'}`} between${between.length > 0 ? ` (${between.join(', ')})` : ''}`;
      return { ...comparison, chain: { unbroken: true, same, words, between } };
    },
  };
}
