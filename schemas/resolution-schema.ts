import { Schema } from 'prosemirror-model';
import { resolutionMarks } from './resolution-marks.js';
import { resolutionNodes } from './resolution-nodes.js';

export { idNodeNames } from './resolution-nodes.js';

/** The document schema of Penholder: one resolution or decision per ProseMirror document. */
export const resolutionSchema = new Schema({ nodes: resolutionNodes, marks: resolutionMarks });

/** Every node type name of the schema, for exhaustive switches in shared/ and renderer/. */
export type ResolutionNodeName = keyof typeof resolutionNodes;

/** Every mark type name of the schema. */
export type ResolutionMarkName = keyof typeof resolutionMarks;
