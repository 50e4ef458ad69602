import * as Y from 'yjs';
import { Node } from 'prosemirror-model';
import { resolutionSchema } from '../../schemas/resolution-schema.js';
import { findTemplate, templates, type SeedNode } from '../../seeds/index.js';
import { ApiError, type Handlers } from '../../shared/api/contract.js';
import { newId, withFreshIds } from '../../shared/ids.js';
import { ImportError, importText } from '../../shared/import/index.js';
import { docToYDoc } from '../../shared/ydoc.js';
import type { NewDocument, UpdateOrigin } from '../store/store.js';
import { broadcast, type BackendContext, type Connection } from './context.js';
import { createFileHandlers } from './file-handlers.js';
import { createLibraryHandlers } from './library-handlers.js';
import { documentMeta } from './live-documents.js';
import { createNegotiationBaseHandlers } from './negotiation-base-handlers.js';
import { createNegotiationHandlers } from './negotiation-handlers.js';
import { createRecordHandlers } from './record-handlers.js';
import { createRevisionHandlers } from './revision-handlers.js';
import { createConsultationHandlers } from '../consultation/handlers.js';
import { causeValue, msg } from '../../shared/i18n/message.js';

/**
 * The contract's handlers for one connection. Arguments arrive already validated by
 * `dispatch`; handlers throw ApiError for the caller's mistakes ('not-found',
 * 'invalid-argument'). A document stays in memory while the connection has it open or
 * subscribed; `documents.unsubscribe` lets go of both.
 */
export function createHandlers(ctx: BackendContext, conn: Connection): Handlers {
  const { store, docs } = ctx;
  const guard = <A, R>(fn: (args: A) => R) => async (args: A): Promise<R> => {
    ctx.assertOpen();
    return fn(args);
  };
  const announce = (ids: string[]) => broadcast(ctx, 'documents.changed', { ids }, () => true);
  // The document list shows "Changed" to the minute: an edit is announced when its minute is new, not per keystroke.
  const announcedMinute = new Map<string, string>();
  const changedMinute = (id: string, updatedAt: string): boolean => {
    const minute = updatedAt.slice(0, 16);
    if (announcedMinute.get(id) === minute) return false;
    announcedMinute.set(id, minute);
    return true;
  };
  const create = (nodes: readonly Node[], origin: UpdateOrigin) => {
    const profile = store.getProfile();
    const inputs: NewDocument[] = nodes.map((node) => ({
      id: newId(),
      meta: documentMeta(node),
      update: Y.encodeStateAsUpdate(docToYDoc(node)),
      origin,
      author: profile.name,
      delegation: profile.delegation,
    }));
    const created = store.createDocuments(inputs);
    if (created.length > 0) announce(created.map((d) => d.id));
    return created;
  };

  return {
    'templates.list': guard(() => templates.map(({ id, name, kind, body, description }) => ({ id, name, kind, body, description }))),
    'documents.list': guard(() => store.listDocuments()),
    'documents.createFromTemplate': guard(({ templateId, title }) => {
      const template = findTemplate(templateId);
      if (!template) throw new ApiError('not-found', msg('backend:api.noTemplate', { id: templateId }));
      const json = withFreshIds(template.doc);
      const node = Node.fromJSON(resolutionSchema, title === undefined ? json : withTitle(json, title));
      return create([node], 'template')[0]!;
    }),
    'documents.importText': guard(({ text, fileName }) => {
      let result: ReturnType<typeof importText>;
      try {
        result = importText(text);
      } catch (err) {
        // Without a file name the rule (error-codes.ts) says it: 'invalid-argument' with its text.
        if (err instanceof ImportError && fileName) throw new ApiError('invalid-argument', msg('backend:api.inFile', { name: fileName, cause: causeValue(err) }));
        throw err;
      }
      return { documents: create(result.documents, 'import'), warnings: result.warnings, messages: result.messages };
    }),
    'documents.open': guard(({ id }) => {
      const doc = docs.hold(id, conn);
      const summary = store.getDocument(id);
      if (!summary) throw new ApiError('not-found', msg('backend:store.noDocument', { id }));
      return { summary, state: Y.encodeStateAsUpdate(doc.ydoc) };
    }),
    'documents.applyUpdate': guard(({ id, update }) => {
      ctx.autosave.beforeUpdate(id);
      const profile = store.getProfile();
      const { summary, metaChanged } = docs.apply(id, update, 'local', { author: profile.name, delegation: profile.delegation });
      broadcast(ctx, 'document.update', { id, update }, (c) => c !== conn && c.subscriptions.has(id));
      if (changedMinute(summary.id, summary.updatedAt) || metaChanged) announce([summary.id]);
      return { ok: true as const };
    }),
    'documents.subscribe': guard(({ id }) => {
      docs.hold(id, conn);
      conn.subscriptions.add(id);
      return { ok: true as const };
    }),
    'documents.unsubscribe': guard(({ id }) => {
      conn.subscriptions.delete(id);
      docs.release(id, conn);
      return { ok: true as const };
    }),
    ...createRevisionHandlers(ctx, conn, {
      autosave: ctx.autosave,
      createDocument: (node, title) => {
        const titled = title === undefined ? node : Node.fromJSON(resolutionSchema, withTitle(node.toJSON() as SeedNode, title));
        return create([titled], 'restore')[0]!;
      },
    }),
    ...createConsultationHandlers(ctx, conn),
    ...createNegotiationHandlers(ctx),
    ...createNegotiationBaseHandlers(ctx),
    ...createFileHandlers(ctx, conn, (nodes) => create(nodes, 'import')),
    ...createLibraryHandlers(ctx, conn),
    ...createRecordHandlers(ctx),
  };
}

// The title override replaces the title node's text; the template's own title is a placeholder.
function withTitle(doc: SeedNode, title: string): SeedNode {
  const text = title.trim();
  return {
    ...doc,
    content: (doc.content ?? []).map((child) =>
      child.type === 'title' ? { ...child, content: text ? [{ type: 'text', text }] : [] } : child,
    ),
  };
}
