/**
 * The keystroke bench's baseline: a bare ProseMirror editor (doc, paragraph, text; no
 * plugins, no keymaps), bundled by esbuild and loaded into a blank page. `mountBare(lines)`
 * mounts it with one paragraph per line and returns once the view exists.
 */
import { Schema } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

const schema = new Schema({
  nodes: {
    doc: { content: 'paragraph+' },
    paragraph: { content: 'text*', toDOM: () => ['p', 0], parseDOM: [{ tag: 'p' }] },
    text: {},
  },
});

/** Mounts the bare editor into `#editor` with one paragraph per entry of `lines`. */
export function mountBare(lines: string[]): void {
  const mount = document.getElementById('editor');
  if (!mount) throw new Error('#editor is missing');
  const doc = schema.node(
    'doc',
    null,
    lines.map((line) => schema.node('paragraph', null, line === '' ? [] : [schema.text(line)])),
  );
  new EditorView(mount, { state: EditorState.create({ schema, doc }) });
}

(window as unknown as { mountBare: typeof mountBare }).mountBare = mountBare;
