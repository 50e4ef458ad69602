import { memo, useState } from 'react';
import QRCode from 'qrcode';
import { t } from '../i18n/index.js';

/** A QR code as one SVG path: `size` modules square, dark modules drawn as unit squares in `d`. */
export type QrPath = { size: number; d: string };

/**
 * The QR code of `text` (error correction M, enough for a projected or phone-photographed
 * screen) as an SVG path. Throws when the text is too long for any QR code.
 */
export function qrPath(text: string): QrPath {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const parts: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      // One path for the whole code keeps the DOM small; runs of dark modules become one rectangle.
      if (!modules.get(row, col)) continue;
      let run = 1;
      while (col + run < modules.size && modules.get(row, col + run)) run++;
      parts.push(`M${col} ${row}h${run}v1h-${run}z`);
      col += run - 1;
    }
  }
  return { size: modules.size, d: parts.join('') };
}

/** Props of a QR code image. */
export type QrCodeProps = { text: string; label: string; pixels?: number };

/** `text` as a QR code (SVG with a quiet zone), with `label` as its accessible name. */
export const QrCode = memo(function QrCode({ text, label, pixels = 168 }: QrCodeProps) {
  const { size, d } = qrPath(text);
  const quiet = 2;
  const box = size + quiet * 2;
  return (
    <svg className="qr-code" role="img" aria-label={label} width={pixels} height={pixels} viewBox={`${-quiet} ${-quiet} ${box} ${box}`} shapeRendering="crispEdges">
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
});

/** Props of a copy button: `label` replaces "Copy" as its text, `primary` makes it the dialog's main action. */
export type CopyButtonProps = { text: string; what: string; label?: string; primary?: boolean };

/**
 * "Copy" (or `label`): puts `text` on the clipboard and says so ("Copied") for a moment. The
 * clipboard API is tried first, then copying a selection (the desktop shell denies the
 * clipboard permission); when both fail it says to select the text instead.
 */
export function CopyButton({ text, what, label, primary = false }: CopyButtonProps) {
  const [said, setSaid] = useState<string | null>(null);
  const say = (words: string) => {
    setSaid(words);
    setTimeout(() => setSaid(null), 2000);
  };
  return (
    <button
      type="button"
      className={primary ? 'button primary copy-link-button' : 'button subtle copy-button'}
      aria-label={label ?? t('consultation:consultationQr.copyWhat', { what })}
      onClick={() => {
        const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
        if (!clipboard) return say(copyBySelection(text) ? 'Copied' : t('consultation:consultationQr.selectAndCopy'));
        clipboard.writeText(text).then(
          () => say('Copied'),
          () => say(copyBySelection(text) ? 'Copied' : t('consultation:consultationQr.selectAndCopy')),
        );
      }}
    >
      {said ?? label ?? t('consultation:consultationQr.copy')}
      <span className="visually-hidden" role="status">
        {said === 'Copied' ? t('consultation:consultationQr.copiedWhat', { what }) : ''}
      </span>
    </button>
  );
}

// The desktop shell grants the page no permission, clipboard writing included; copying a
// selection still works during the click that asked for it.
function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
