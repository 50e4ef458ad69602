import { useState } from 'react';
import type { ApiClient } from '../../shared/api/contract.js';
import { formatJoinLink } from '../../shared/consultation/join-link.js';
import { messageOf } from '../format.js';
import { useT } from '../i18n/index.js';
import { CopyButton } from './consultation-qr.js';
import { DelegationSearch } from './delegation-search.js';

/** Props of the delegation codes section: the host's address and certificate fingerprint, for the links. */
export type DelegationCodesProps = { api: ApiClient; url: string; fingerprint: string };

type Given = { delegation: string; code: string; link: string };

/**
 * "A code for one delegation": the facilitator picks a delegation and gets its own code (made
 * once per consultation and kept) with a join link carrying it. The first laptop that brings
 * it is admitted for that delegation without waiting in the lobby; any later one waits. For
 * handing a delegation its access ahead of the meeting, by a channel the facilitator trusts.
 */
export function DelegationCodes({ api, url, fingerprint }: DelegationCodesProps) {
  const [given, setGiven] = useState<Given[]>([]);
  const [error, setError] = useState<string | null>(null);
  const { t } = useT();
  const ask = (delegation: string) => {
    setError(null);
    api.invoke('consultation.delegationCode', { delegation }).then(
      ({ code }) => {
        const link = formatJoinLink({ url, code, fingerprint });
        setGiven((list) => [{ delegation, code, link }, ...list.filter((g) => g.delegation !== delegation)]);
      },
      (cause: unknown) => setError(t('consultation:delegationCodes.failed', { delegation, reason: messageOf(cause) })),
    );
  };
  return (
    <details className="delegation-codes">
      <summary>{t('consultation:delegationCodes.summary')}</summary>
      <p className="list-empty">{t('consultation:delegationCodes.explain')}</p>
      <DelegationSearch label={t('consultation:delegationCodes.search')} onPick={(d) => ask(d.code)} />
      {error ? (
        <p className="panel-error" role="alert">
          {error}
        </p>
      ) : null}
      {given.length > 0 ? (
        <ul className="lobby-list" aria-label={t('consultation:delegationCodes.list')}>
          {given.map((g) => (
            <li key={g.delegation} className="lobby-entry">
              <span className="lobby-line">
                <strong>{g.delegation}</strong> <code className="delegation-code">{g.code}</code>
              </span>
              <span className="lobby-actions">
                <CopyButton text={g.code} what={t('consultation:delegationCodes.codeWhat', { delegation: g.delegation })} />
                <CopyButton
                  text={g.link}
                  what={t('consultation:delegationCodes.linkWhat', { delegation: g.delegation })}
                  label={t('consultation:delegationCodes.copyLink', { delegation: g.delegation })}
                />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
