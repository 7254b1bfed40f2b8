import type { Collection, Core, NodeCollection } from 'cytoscape';
import { type Box, contains, MAX_FIT_ZOOM, readableViewport, type Viewport } from './viewport.ts';

/**
 * Moving the viewport: fitting at a zoom where names stay readable, bringing elements into view,
 * centring a node. `onMoving` hears when an animated move starts and ends (for `data-layout`).
 */
export function createCamera(cy: Core, onMoving: (moving: boolean) => void) {
  const boxOf = (eles: Collection | NodeCollection): Box => eles.boundingBox({});
  const size = () => ({ width: cy.width(), height: cy.height() });

  /** True while the app animates the viewport. */
  let animating = false;
  /** True while the view is the one fitReadable chose: the reader has not panned or zoomed since. */
  let fitted = false;
  cy.on('viewport', () => {
    if (!animating) fitted = false;
  });

  /** `instant` puts the view in place at once (the first drawing appears without animating). */
  function moveTo(
    view: Viewport | null,
    { instant = false, done }: { instant?: boolean; done?: () => void } = {},
  ): void {
    if (!view) return;
    fitted = false;
    animating = true;
    cy.stop(true, false);
    if (instant) {
      cy.viewport(view);
      animating = false;
      done?.();
      return;
    }
    onMoving(true);
    cy.animate(view, {
      duration: 300,
      complete: () => {
        animating = false;
        done?.();
        onMoving(false);
      },
    });
  }

  function fitReadable(instant = false): void {
    if (cy.elements().empty()) return;
    const selected = cy.$(':selected');
    // What must fit is the nodes with their names; a relationship's label may run past the edge.
    const boxes = [boxOf(cy.nodes())];
    if (selected.nonempty()) boxes.push(boxOf(selected.closedNeighborhood()), boxOf(selected));
    moveTo(readableViewport(boxes, size()), {
      instant,
      done: () => {
        fitted = true;
      },
    });
  }

  return {
    /**
     * Fit what is drawn at a zoom where names are readable: everything if it fits, else the selected
     * node and its neighbours, else the selection centred; the reader pans or zooms out for the rest.
     */
    fitReadable,
    /**
     * The canvas changed size (a column folded, the opening's note came or went): fit again, unless
     * the reader has moved the view since the app last fitted it.
     */
    refit(): void {
      if (fitted) fitReadable();
    },
    /** Bring `eles` into view if any of them lies outside it, without zooming out past readable. */
    reveal(eles: Collection): void {
      if (eles.empty()) return;
      const extent = cy.extent();
      if (contains({ x1: extent.x1, y1: extent.y1, x2: extent.x2, y2: extent.y2 }, boxOf(eles))) return;
      moveTo(readableViewport([boxOf(cy.elements()), boxOf(eles)], size()));
    },
    /** Everything, as asked, but a few nodes are not blown up to fill the canvas. */
    fit(): void {
      cy.fit(undefined, 40);
      if (cy.zoom() > MAX_FIT_ZOOM)
        cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
    },
    center(id: string): void {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    },
  };
}
