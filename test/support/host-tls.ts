import { newHostCertificate, type HostCertificate } from '../../electron/consultation/host-cert.js';

let cached: HostCertificate | undefined;

/** One host certificate per test process (key, cert PEM and fingerprint), for `startHost({ tls })` and pinned clients. */
export function testHostTls(): HostCertificate {
  cached ??= newHostCertificate('Penholder test host');
  return cached;
}

/** A different certificate each call: a host someone else runs (for refusal tests). */
export function otherHostTls(): HostCertificate {
  return newHostCertificate('Someone in between');
}
