import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/contract.js';
import type { ConsultationStatus } from '../../../shared/api/contract.js';
import { parsePort } from '../../../renderer/components/consultation-host-dialog.js';
import { qrPath } from '../../../renderer/components/consultation-qr.js';
import { joinErrorMessage, normalizeFingerprint, normalizeHostUrl, readPastedJoinLink, statusLine } from '../../../renderer/components/consultation-text.js';
import { formatJoinLink } from '../../../shared/consultation/join-link.js';
import { inConsultation } from '../../../renderer/components/consultation-tools.js';
import { i18n } from '../../../renderer/i18n/index.js';
import { refusedText } from '../../../electron/consultation/refusal-text.js';
import { wrongCertificateText } from '../../../electron/consultation/participant-tls.js';

const status = (patch: Partial<ConsultationStatus>): ConsultationStatus => ({
  state: 'connected',
  docId: 'd1',
  role: 'delegation',
  unsyncedChanges: 0,
  participants: [],
  url: null,
  joinCode: null,
  facilitatorCode: null,
  lastError: '',
  fingerprint: null,
  link: null,
  lobby: 0,
  ...patch,
});

describe('status line', () => {
  it('says the state and the unsynced changes in words', () => {
    expect(statusLine(status({}), 'd1')).toBe('Connected');
    expect(statusLine(status({ unsyncedChanges: 2 }), 'd1')).toBe('Connected · 2 unsynced changes');
    expect(statusLine(status({ state: 'reconnecting', unsyncedChanges: 3 }), 'd1')).toBe('Reconnecting… · 3 unsynced changes');
    expect(statusLine(status({ state: 'offline', unsyncedChanges: 1 }), 'd1')).toBe('Offline · 1 unsynced change');
    expect(statusLine(status({ state: 'offline' }), 'd1')).toBe('Offline');
    const participants = [{ delegation: 'CAN', name: 'Ana', role: 'delegation' as const }];
    expect(statusLine(status({ state: 'hosting', role: 'facilitator', participants }), 'd1')).toBe('Hosting · 1 connected');
    expect(statusLine(status({ state: 'hosting', role: 'facilitator', participants, lobby: 2 }), 'd1')).toBe('Hosting · 1 connected');
    expect(statusLine(status({ state: 'waiting' }), 'd1')).toBe('Waiting for the facilitator to admit you');
  });

  it('says nothing for another document or outside a consultation', () => {
    expect(statusLine(status({}), 'd2')).toBe('');
    expect(statusLine(null, 'd1')).toBe('');
    expect(inConsultation(status({ state: 'offline', docId: null, role: null }), 'd1')).toBe(false);
    expect(inConsultation(status({ state: 'offline' }), 'd1')).toBe(true);
    expect(inConsultation(status({ state: 'hosting' }), 'd2')).toBe(false);
  });
});

describe('addresses and join links', () => {
  const fp = '3f2a9c1b'.repeat(8);

  it('adds wss:// when no scheme was typed and drops a trailing slash', () => {
    expect(normalizeHostUrl(' 192.168.1.20:4455 ')).toBe('wss://192.168.1.20:4455');
    expect(normalizeHostUrl('wss://10.0.0.2:8080/')).toBe('wss://10.0.0.2:8080');
    expect(normalizeHostUrl('wss://host.example:443/room')).toBe('wss://host.example/room');
  });

  it('refuses what is not a wss address, saying what one looks like', () => {
    expect(() => normalizeHostUrl('')).toThrow(/wss:\/\//);
    expect(() => normalizeHostUrl('http://10.0.0.2:80')).toThrow(/must start with wss:\/\//);
    expect(() => normalizeHostUrl('ws://10.0.0.2:80')).toThrow(/encrypted.*not ws:\/\//);
    expect(() => normalizeHostUrl('wss://:4455')).toThrow(/not an address/);
  });

  it('reads a pasted join link, and says why one is refused', () => {
    const link = formatJoinLink({ url: 'wss://192.168.1.20:4455', code: 'K7QM-2XV9', fingerprint: fp });
    expect(readPastedJoinLink(` ${link} `)).toEqual({ link: { url: 'wss://192.168.1.20:4455', code: 'K7QM-2XV9', fingerprint: fp }, error: null });
    // Typing an address is not a link.
    expect(readPastedJoinLink('wss://10.0.0.2')).toBeNull();
    expect(readPastedJoinLink('192.168')).toBeNull();
    expect(readPastedJoinLink(link.replace(`&fp=${fp}`, ''))).toEqual({ link: null, error: expect.stringMatching(/missing fp/) });
    expect(readPastedJoinLink(link.replace('wss%3A', 'ws%3A'))?.error).toMatch(/wss:\/\//);
  });

  it('takes a fingerprint typed grouped or plain, and refuses anything else', () => {
    expect(normalizeFingerprint(' 3F2A-9C1B-3F2A-9C1B 3F2A:9C1B-3F2A-9C1B-3F2A-9C1B-3F2A-9C1B-3F2A-9C1B-3F2A-9C1B ')).toBe(fp);
    expect(() => normalizeFingerprint('')).toThrow(/join link/);
    expect(() => normalizeFingerprint('3F2A-9C1B')).toThrow(/64 hexadecimal/);
  });
});

describe('join errors', () => {
  it('tells a refused code from an unreachable host', () => {
    const refused = joinErrorMessage(new ApiError('unauthorized', 'Wrong code.'), 'ws://h:1', 'delegation');
    expect(refused).toMatch(/refused this code/);
    expect(refused).toMatch(/join code/);
    expect(joinErrorMessage(new ApiError('unauthorized', 'x'), 'ws://h:1', 'facilitator')).toMatch(/facilitator code/);
    // The host's own sentence is kept; a join code used as facilitator is told what it needs.
    const escalated = joinErrorMessage(
      new ApiError('unauthorized', 'The host refused to let you in: the join code admits delegations and observers; joining as facilitator needs the facilitator code.'),
      'ws://h:1',
      'facilitator',
    );
    expect(escalated).toBe(
      'The host refused this code: the join code admits delegations and observers; joining as facilitator needs the facilitator code. Check that you typed the facilitator code exactly as the facilitator’s screen shows it.',
    );
    // Locked out after repeated failures: waiting is the answer, not checking the code.
    expect(joinErrorMessage(new ApiError('unauthorized', 'The host refused to let you in: try again in 8 s'), 'ws://h:1', 'delegation')).toBe(
      'Too many wrong codes were tried from this computer. Wait 8 seconds, then type the code again exactly as shown.',
    );
    const unreachable = joinErrorMessage(new ApiError('internal', 'connect ECONNREFUSED 10.0.0.2:80'), 'ws://10.0.0.2:80', 'delegation');
    expect(unreachable).toMatch(/Could not reach a consultation at ws:\/\/10\.0\.0\.2:80/);
    // The backend's own words for a host that does not answer are not quoted after the same advice.
    expect(joinErrorMessage(new ApiError('internal', 'No answer from ws://h:1; check the address and the network.'), 'ws://h:1', 'delegation')).toBe(
      'Could not reach a consultation at ws://h:1. Check the address and that you are on the same network as the facilitator.',
    );
    expect(joinErrorMessage(new Error('disk full'), 'ws://h:1', 'observer')).toBe('Joining failed: disk full');
  });

  it('says a certificate mismatch in the backend\'s words, and a refused key as the facilitator\'s answer', () => {
    const mismatch = "The host's certificate is not the one in the join link (expected 3F2A-9C1B…, got 77AA-01BC…): someone may be in between.";
    expect(joinErrorMessage(new ApiError('unauthorized', mismatch), 'wss://h:1', 'delegation')).toBe(mismatch);
    expect(joinErrorMessage(new ApiError('internal', mismatch), 'wss://h:1', 'delegation')).toBe(mismatch);
    expect(joinErrorMessage(new ApiError('unauthorized', 'The host refused to let you in: the facilitator refused your key 3F2A-9C1B.'), 'wss://h:1', 'delegation')).toBe(
      'The facilitator did not admit this laptop: the facilitator refused your key 3F2A-9C1B.',
    );
    expect(joinErrorMessage(new ApiError('unauthorized', 'The host refused to let you in: refused: the facilitator did not admit you to this consultation.'), 'wss://h:1', 'delegation')).toBe(
      'The facilitator did not admit this laptop: the facilitator did not admit you to this consultation.',
    );
  });
});

describe('port', () => {
  it('takes empty as any free port and refuses what is not a port', () => {
    expect(parsePort('')).toBe(0);
    expect(parsePort(' 4455 ')).toBe(4455);
    expect(() => parsePort('70000')).toThrow(/1 to 65535/);
    expect(() => parsePort('44a')).toThrow(/whole number/);
  });
});

describe('QR code', () => {
  it('draws a square code with the three finder patterns, different for different texts', () => {
    const a = qrPath(formatJoinLink({ url: 'wss://192.168.1.20:4455', code: 'k7Qm-2Xv9-PzR4-Lw8N-c3Tb', fingerprint: 'ab'.repeat(32) }));
    expect((a.size - 17) % 4).toBe(0);
    // Each finder pattern's top row is one run of 7 dark modules.
    expect(a.d).toContain('M0 0h7v1h-7z');
    expect(a.d).toContain(`M${a.size - 7} 0h7v1h-7z`);
    expect(a.d).toContain(`M0 ${a.size - 7}h7v1h-7z`);
    expect(qrPath('ws://192.168.1.20:4455?code=other').d).not.toBe(a.d);
  });

  it('refuses a text too long for any QR code', () => {
    expect(() => qrPath('x'.repeat(5000))).toThrow();
  });

  it('says a refused join in the interface language from the backend\'s message, the English as before', async () => {
    const wrongCode = new ApiError('unauthorized', refusedText('wrong-code: the join code admits delegations and observers; joining as facilitator needs the facilitator code.'));
    const certificate = new ApiError('unauthorized', wrongCertificateText('3f2a9c1b'.repeat(8), '77aa01bc'.repeat(8)));
    const english = joinErrorMessage(wrongCode, 'wss://h:1', 'facilitator');
    expect(english).toBe(
      'The host refused this code: the join code admits delegations and observers; joining as facilitator needs the facilitator code. Check that you typed the facilitator code exactly as the facilitator’s screen shows it.',
    );
    expect(joinErrorMessage(certificate, 'wss://h:1', 'delegation')).toBe(certificate.message);
    await i18n.changeLanguage('fr');
    try {
      expect(joinErrorMessage(wrongCode, 'wss://h:1', 'facilitator')).toContain('le code de participation admet les délégations et les observateurs\u00a0; pour participer comme facilitateur, il faut le code du facilitateur.');
      expect(joinErrorMessage(certificate, 'wss://h:1', 'delegation')).toBe(
        'Le certificat de l’hôte n’est pas celui du lien de participation (3F2A-9C1B… attendu, 77AA-01BC… reçu)\u00a0: quelqu’un s’est peut-être interposé.',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});
