import type { Core, StylesheetJson } from 'cytoscape';
import {
  type DrawingMode,
  drawingMode,
  LARGE_VIEW_NAME_MIN_PX,
  sameMode,
  WEBGL_ELEMENTS,
} from './drawing-mode.ts';
import './large-view.css';

/**
 * Applies drawing-mode.ts's decision to a Cytoscape instance: after each change to what is drawn,
 * the canvas counts its elements and, past the threshold, restyles itself (names only once zoomed
 * in, straight edges without arrows), moves to the WebGL renderer where there is one, and shows a
 * note on the canvas saying so. Below the lower mark it goes back to the full drawing.
 */
export interface LargeView {
  /** Call with the number of elements (nodes and edges) drawn, after any change to what is drawn. */
  update(elements: number): void;
  destroy(): void;
}

/** What a large view changes in the stylesheet, appended after the full drawing's rules. */
const LARGE_RULES: StylesheetJson = [
  { selector: 'node', style: { 'min-zoomed-font-size': LARGE_VIEW_NAME_MIN_PX } },
  // Haystack edges are straight lines drawn without hit-testing a curve; arrows off with them.
  {
    selector: 'edge',
    style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'target-arrow-shape': 'none' },
  },
];

let webglChecked: boolean | null = null;
/** A WebGL renderer that runs on the CPU: the bench found it slower than the canvas renderer. */
const SOFTWARE_GL = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/**
 * Cytoscape's WebGL mode needs a WebGL 2 context (without one it would not draw at all), and helps
 * only on a GPU.
 */
function gpuWebglAvailable(): boolean {
  if (webglChecked === null) {
    try {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : '';
      webglChecked = !!gl && !SOFTWARE_GL.test(renderer);
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      webglChecked = false;
    }
  }
  return webglChecked;
}

/**
 * Cytoscape picks its renderer when the instance is created; `mount` builds it again from the
 * instance's options, keeping elements, positions, viewport and listeners. The options object is
 * internal, so this is the one place that reaches it.
 */
function remount(cy: Core, webgl: boolean): void {
  const internal = cy as unknown as { _private: { options: { renderer?: Record<string, unknown> } } };
  const options = internal._private.options;
  options.renderer = { ...options.renderer, name: 'canvas', webgl };
  const container = cy.container();
  if (container) cy.mount(container);
}

export function createLargeView(cy: Core, container: HTMLElement, base: () => StylesheetJson): LargeView {
  let mode: DrawingMode = { large: false };
  let counted = -1;
  // Beside the drawing, not inside it: Cytoscape empties its container when it builds a renderer.
  const note = document.createElement('p');
  note.className = 'canvas-large-note';
  note.setAttribute('role', 'status');
  note.dataset.testid = 'canvas-large-note';
  note.hidden = true;
  container.insertAdjacentElement('afterend', note);
  container.dataset.drawing = 'full';

  function apply(next: DrawingMode): void {
    const rendererChanged = (mode.large && mode.webgl) !== (next.large && next.webgl);
    mode = next;
    if (rendererChanged) remount(cy, next.large && next.webgl);
    cy.style(next.large ? [...base(), ...LARGE_RULES] : base());
  }

  return {
    update(elements) {
      if (elements === counted) return;
      counted = elements;
      const next = drawingMode({
        elements,
        wasLarge: mode.large,
        // Asked only when the answer can matter: the check builds a WebGL context, which costs the
        // opening's first frame tens of milliseconds for a view far below the threshold.
        webglAvailable: elements >= WEBGL_ELEMENTS && gpuWebglAvailable(),
      });
      if (!sameMode(mode, next)) apply(next);
      else mode = next;
      container.dataset.drawing = next.large ? (next.webgl ? 'large-webgl' : 'large') : 'full';
      note.hidden = !next.large;
      note.textContent = next.large ? next.note : '';
    },
    destroy() {
      note.remove();
    },
  };
}
