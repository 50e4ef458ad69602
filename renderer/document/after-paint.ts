/**
 * Scheduling work so that it never delays the frame that shows a keystroke: the editor's
 * own work (ProseMirror, the Y.Doc) must run before that frame, but telling the panels and
 * sending the update to the backend can wait until it has been painted.
 */

// Where no frame comes (a hidden page runs no animation frames), the work runs after this long.
const noFrameMs = 100;

/**
 * Runs `run` once, in a task after the next frame has been produced (a task posted from a
 * requestAnimationFrame callback runs after that frame's style, layout and paint), or after
 * 100 ms where no frame comes. Returns a function that runs it at once instead, if it has
 * not run yet (for a flush that cannot wait).
 */
export function afterNextPaint(run: () => void): () => void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    run();
  };
  const fallback = setTimeout(go, noFrameMs);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(go, 0));
  return go;
}
