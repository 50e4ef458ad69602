/** The record of issued revisions: canonical content hashes, signed hash-chained records, revision files. */
export { canonicalDocument, contentHash, fromHex, jcs, sha256Hex, toHex, utf8 } from './canonical.js';
export { RecordError, at, failureWords, type RecordFailure } from './errors.js';
export { groupedFingerprint, keyFingerprint, parseFingerprint } from './fingerprint.js';
export {
  checkRecordShape, maxLabelLength, missingField, recordHash, recordSigningBytes, recordType, signRecord, verifyChain, verifyEd25519,
  type ChainRecord, type RecordSigner, type RevisionRecord, type UnsignedRecord,
} from './record.js';
export {
  issueRevisionFile, revisionFileBytes, revisionFileFormat, serializeRevisionFile, verifyRevisionFile,
  type RevisionFile, type VerifiedRevision,
} from './revision-file.js';
export { checkDeadline, DeadlineError, deadlineWords, isTimeZone, silenceDeadline, type SilenceDeadline } from './deadline.js';
export {
  checkDocId, checkObjectionShape, checkSilenceShape, maxDocIdLength, maxObjectionParagraphs, maxReasonLength, objectionSigningBytes, objectionType,
  signObjection, signSilenceRecord, silenceRecordType, verifyObjection,
  type ReceivedObjection, type SilenceObjection, type SilenceRecord,
} from './silence.js';
export { brokenBy, checkSilenceLink, lateWords, outcomeWords, silenceOf, type SilenceState } from './silence-chain.js';
