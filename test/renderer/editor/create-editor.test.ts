import { describe, expect, it } from 'vitest';
import { EditorState } from 'prosemirror-state';
import { ySyncPluginKey, yUndoPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { resolutionSchema } from '../../../schemas/resolution-schema.js';
import { buildDocument } from '../../../shared/document/build.js';
import { editorAttributes, editorPlugins } from '../../../renderer/editor/create-editor.js';
import { numberingKey } from '../../../renderer/editor/numbering-plugin.js';

const docIn = (language: string) =>
  buildDocument({ header: { language: language as 'en' }, title: 'T', body: 'The General Assembly,', operative: ['Decides.'] });

describe('editorAttributes', () => {
  it('makes the editor a labelled multi-line textbox in the document language', () => {
    const state = EditorState.create({ schema: resolutionSchema, doc: docIn('fr') });
    expect(editorAttributes(state, 'Document text')).toMatchObject({
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': 'Document text',
      lang: 'fr',
      dir: 'ltr',
    });
  });

  it('runs right to left for Arabic only', () => {
    for (const [language, dir] of [['ar', 'rtl'], ['en', 'ltr'], ['zh', 'ltr'], ['ru', 'ltr'], ['es', 'ltr']] as const) {
      const state = EditorState.create({ schema: resolutionSchema, doc: docIn(language) });
      expect(editorAttributes(state, 'x').dir).toBe(dir);
    }
  });
});

describe('editorPlugins', () => {
  it('binds the Y.Doc, undo, keymaps and numbering in a state that numbers the document', () => {
    const plugins = editorPlugins(new Y.Doc());
    const state = EditorState.create({ schema: resolutionSchema, doc: docIn('en'), plugins });
    expect(ySyncPluginKey.getState(state)?.type).toBeInstanceOf(Y.XmlFragment);
    expect(yUndoPluginKey.getState(state)?.undoManager).toBeInstanceOf(Y.UndoManager);
    expect(numberingKey.getState(state)?.numbering.entries.map((e) => e.label)).toEqual(['1.']);
  });
});
