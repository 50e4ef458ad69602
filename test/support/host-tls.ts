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

/**
 * startHost options for tests of other parts than admission: the test certificate, and every
 * new key admitted at once as it asks (the lobby is tested in admission tests).
 */
export function testHostOptions(): { tls: { key: string; cert: string }; admitPending: () => boolean } {
  return { tls: testHostTls(), admitPending: () => true };
}
