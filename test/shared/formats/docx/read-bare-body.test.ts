import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../../shared/formats/docx/read.js';
import { summarize } from '../../../../shared/document/summary.js';

// A resolution with no preamble, as the General Assembly prints one that adopts a declaration:
// the body line has no comma and the operative part starts at once. Written by pandoc, not us.
const html = `<p>A/RES/74/999</p>
<p>Political declaration of a high-level meeting on something worth declaring</p>
<p>The General Assembly</p>
<p>1. <em>Adopts</em> the following political declaration approved by the high-level meeting:</p>
<p>2. <em>Decides</em> to keep the declaration under review;</p>
<p>3. <em>Requests</em> the Secretary-General to report on its follow-up.</p>`;

describe('readDocx: a body line without its comma', () => {
  it('reads "The General Assembly" right before OP 1 as the body line, as the text importer does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ph-bare-body-'));
    writeFileSync(join(dir, 'in.html'), html);
    execFileSync('pandoc', ['-f', 'html', '-t', 'docx', '-o', join(dir, 'out.docx'), join(dir, 'in.html')]);
    const { documents } = readDocx(new Uint8Array(readFileSync(join(dir, 'out.docx'))));
    expect(documents).toHaveLength(1);
    const summary = summarize(documents[0]!);
    expect(summary.body).toBe('The General Assembly');
    expect(summary.preambular).toBe(0);
    expect(summary.operative).toBe(3);
  });
});
