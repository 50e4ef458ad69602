import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { RecordError, verifyRevisionFile, type SilenceState } from '../../../shared/record/index.js';
import { maxTextBytes, readFileBounded } from './read-bounded.js';

type VerifyOptions = { key?: string };

/**
 * Registers `penholder verify FILE [--key FINGERPRINT]`: checks a revision file with no
 * network and no store (shared/record `verifyRevisionFile`). Valid: exit 0 and one line of
 * JSON `{"valid":true,"label","issuer","fingerprint","chain"}` (issuer: the issuer's public
 * key), with `"silence"` ({@link silenceJson}) after them when the revision was placed under
 * silence. Otherwise exit 1 and one stderr line
 * naming what failed: "content changed", "chain broken", "signature invalid", "unknown key"
 * (with --key, the issuer's fingerprint, grouped or plain hex, must match), or "not a valid
 * revision file".
 */
export function registerVerifyCommand(program: Command): void {
  program
    .command('verify')
    .description('Check an issued revision file offline: its content, its chain and its signatures.')
    .argument('<file>', 'the revision file')
    .option('--key <fingerprint>', "the issuer key's fingerprint it must carry (grouped 3F2A-9C1B-... or plain hex)")
    .action(async (file: string, options: VerifyOptions) => {
      const bytes = await readFileBounded(file, file, maxTextBytes);
      try {
        const verified = await verifyRevisionFile(bytes, { key: options.key });
        const { label, issuer, fingerprint, chain, silence } = verified;
        process.stdout.write(`${JSON.stringify({ valid: true, label, issuer, fingerprint, chain, ...(silence ? { silence: silenceJson(silence) } : {}) })}\n`);
      } catch (err) {
        if (err instanceof RecordError) throw new CliError(`${file}: ${err.message}`);
        throw err;
      }
    });
}

/**
 * The silence procedure as `penholder verify` prints it: `deadline` (the UTC instant),
 * `zone` (IANA) and `local` (date and time there), `outcome` ('pending', 'agreed' or
 * 'broken'), `broken_by` (delegations, in order of arrival) and `late` (objections signed by
 * the deadline that arrived after it: `delegation`, `signed`, `arrived`; they do not break
 * silence).
 */
export function silenceJson(state: SilenceState) {
  return {
    deadline: state.deadline.instant,
    zone: state.deadline.zone,
    local: `${state.deadline.date} ${state.deadline.time}`,
    outcome: state.outcome,
    broken_by: state.brokenBy,
    late: state.late.map((o) => ({ delegation: o.objection.delegation, signed: o.objection.time, arrived: o.arrived })),
  };
}
