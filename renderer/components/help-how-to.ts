/**
 * The "how to" at the top of the help sheet: a few steps per role, in plain words, naming
 * the buttons and menus as the screen shows them. Keys are written in ProseMirror notation
 * ("Mod-Alt-s") and shown in the platform's words by help-sheet.tsx.
 */

/** One role's how-to: a heading, one line saying who it is for, and its steps in order. */
export type HowTo = { id: string; title: string; who: string; steps: readonly string[] };

/** The four roles' how-tos, in the order a newcomer meets them: draft, negotiate, host, join. */
export const howTos: readonly HowTo[] = Object.freeze([
  {
    id: 'draft',
    title: 'Draft a resolution',
    who: 'For the delegation holding the pen.',
    steps: [
      'Click “New from template” in the top bar, or “Import…” to open a Word, Akoma Ntoso or text file.',
      'Type the paragraphs. Enter starts the next paragraph of the same kind, Tab makes it a subparagraph, and opening phrases are offered as you type.',
      'Underlined words are style hints: F8 goes to the next one and Mod-. applies its fix.',
      'Click “Export…” for Word, PDF, Akoma Ntoso or plain text.',
    ],
  },
  {
    id: 'negotiate',
    title: 'Negotiate the text',
    who: 'For delegations proposing changes and the facilitator who settles them.',
    steps: [
      'Open “Negotiation ▾ → Start negotiation…” and pick the base revision: paragraph numbers then stay put (OP 5 bis).',
      'A delegation clicks “Suggest as …” (Mod-Alt-s): what it types and deletes becomes a bracketed proposal.',
      'The facilitator brackets a selection (Mod-Alt-b), adds an alternative (Mod-Alt-n), then agrees (Mod-Alt-a) or drops (Mod-Alt-d) the bracket at the cursor.',
      'Mod-Alt-Shift-s records a paragraph’s status (agreed, ad ref, reservation, parked); the negotiation dashboard counts what is still open.',
    ],
  },
  {
    id: 'host',
    title: 'Host a consultation',
    who: 'For the facilitator, whose computer the others connect to.',
    steps: [
      'Open the document, then “Consultation ▾ → Start consultation…”.',
      'Choose where to listen (all interfaces for the room’s network) and click “Start consultation”.',
      'Read out or show the address and the join code to delegations; give the facilitator code only to co-facilitators.',
      'The consultation panel shows who is connected. Stop hosting from the same dialog when the meeting ends.',
    ],
  },
  {
    id: 'join',
    title: 'Join a consultation',
    who: 'For a delegation or an observer in the room.',
    steps: [
      'Click “Join consultation…” in the top bar.',
      'Type the address and the join code the facilitator gives you, your name and your role.',
      'The document opens and follows the facilitator; use “Suggest as …” to propose your wording.',
    ],
  },
]);
