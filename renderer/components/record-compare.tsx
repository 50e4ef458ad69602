import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { Node } from 'prosemirror-model';
import type { ApiClient, RecordComparison, RevisionSummary } from '../../shared/api/contract.js';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { useT } from '../i18n/index.js';
import { messageOf } from '../format.js';
import { CompareView } from './compare-view.js';
import { RevisionFilePicker } from './record-file-picker.js';

/** The two sides of a revision-file comparison as the compare view takes them: the file's revision and the current issued one. */
function comparisonSides(result: RecordComparison, names: { held: string; current: string }, docId: string) {
  const at = new Date().toISOString();
  const side = (id: string, label: string, seq: number): RevisionSummary => ({ id, docId, kind: 'revision', label, author: '', delegation: '', createdAt: at, seq });
  const documents = new Map([
    ['held', result.older!.document],
    ['current', result.newer!.document],
  ]);
  return {
    revisions: [side('current', names.current, 2), side('held', names.held, 1)],
    docs: { load: (id: string) => Promise.resolve(Node.fromJSON(resolutionSchema, documents.get(id))) },
  };
}

/**
 * "Compare with a revision file I hold…" (issue 14 point 4): a revision file the delegation
 * received earlier is checked as `penholder verify` does, and compared with the current
 * issued (or received) revision in the compare view; above it, whether the chain between
 * them is unbroken ("Rev.1 → Rev.3: chain unbroken, 1 revision between (Rev.2)") or where it
 * breaks.
 */
export function CompareRevisionFile({ api, docId }: { api: ApiClient; docId: string }) {
  const { t } = useT();
  const root = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<{ name: string; comparison: RecordComparison } | null>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pick = async (file: File) => {
    setError(null);
    try {
      const comparison = await api.invoke('record.compareFile', { id: docId, bytes: new Uint8Array(await file.arrayBuffer()) });
      setResult({ name: file.name, comparison });
      setOpen(comparison.check.valid);
    } catch (cause) {
      setResult(null);
      setError(t('record:compare.failed', { name: file.name, reason: messageOf(cause) }));
    }
  };
  const chainWords = (c: RecordComparison): string => {
    if (!c.check.valid) return t('record:compare.invalid', { name: result?.name ?? '', message: c.check.text ? messageOf(c.check) : c.check.message });
    const chain = c.chain!;
    if (!chain.unbroken) return t('record:compare.broken', { message: chain.words });
    const [from, to] = [c.older!.label, c.newer!.label];
    if (chain.same) return t('record:compare.same', { from });
    if (chain.between.length === 0) return t('record:compare.adjacent', { from, to });
    return t('record:compare.unbroken', { from, to, count: chain.between.length, between: chain.between.join(', ') });
  };
  const c = result?.comparison;
  const overPage = (view: ReactNode) => {
    const body = root.current?.closest('.document-body');
    return body ? createPortal(view, body) : view;
  };
  const sides = c?.check.valid && c.older && c.newer
    ? comparisonSides(c, { held: t('record:compare.heldSide', { label: c.older.label }), current: t('record:compare.currentSide', { label: c.newer.label }) }, docId)
    : null;
  return (
    <div ref={root} className="record-compare" role="group" aria-label={t('record:compare.button')}>
      <RevisionFilePicker button={t('record:compare.button')} fileLabel={t('record:compare.fileLabel')} onFile={(file) => void pick(file)} error={error} />
      {c ? (
        <p className={c.check.valid && c.chain?.unbroken ? 'record-result record-valid' : 'panel-error record-result'} role={c.check.valid && c.chain?.unbroken ? 'status' : 'alert'}>
          {chainWords(c)}
        </p>
      ) : null}
      {open && sides && c?.chain ? (
        <div className="record-compare-view">
          <p className="record-result record-valid" role="status">
            {chainWords(c)}
          </p>
          {/* Over the page, where the Revisions panel's own comparisons open (the document body holds overlays). */}
          {overPage(
            // The chain's verdict stays in view above the comparison (the overlay covers the panel).
            <div className="overlay-view record-compare-overlay">
              <p className="record-result record-valid record-compare-chain" role="status">
                {chainWords(c)}
              </p>
              <div style={{ position: 'relative', flex: 1, minHeight: 0 }}>
                <CompareView docs={sides.docs} revisions={sides.revisions} current={() => null} initial={{ old: 'held', new: 'current' }} onClose={() => setOpen(false)} />
              </div>
            </div>,
          )}
        </div>
      ) : null}
    </div>
  );
}
