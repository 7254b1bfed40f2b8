import cytoscape, { type Core, type NodeCollection, type Position } from 'cytoscape';
import type { ElementEdge, Elements } from '../../../graph/contract/api.ts';
import type { LayoutName, Selection } from '../state/link-state.ts';
import { createCamera } from './camera.ts';
import { type CanvasExport, createCanvasExport } from './cy-export.ts';
import { upsert } from './definitions.ts';
import { type DrawnNode, type FitReport, fitReport } from './fit-check.ts';
import { createLargeView } from './large-view.ts';
import { createLayoutStarter, loadLayoutExtensionsWhenIdle } from './layout-extensions.ts';
import { accountabilityLayout, fullLayout, incrementalFcose } from './layouts.ts';
import { placeNew } from './placement.ts';
import { stylesheet } from './style.ts';
import { LABEL_FONT_SIZE, MAX_FIT_ZOOM } from './viewport.ts';

/**
 * The only module that touches Cytoscape. It adds, updates and removes elements, never draws an
 * edge whose ends are not both present, keeps nodes where the reader left them, and lays out only
 * what is new. Everything else talks to it through `Canvas`.
 */

export interface CanvasListing {
  id: string;
  name: string;
  label: string;
  relationships: Array<{ id: string; text: string }>;
}

export interface CanvasHandlers {
  onSelect(selection: Selection | null): void;
  onExpand(id: string): void;
}

export interface ReplaceOptions {
  /** The node new nodes should gather around (the one just expanded), if any. */
  anchor?: string | null;
  layout: LayoutName;
}

export interface Canvas {
  /** Make the canvas show exactly these elements, laying out only the nodes that are new. */
  replace(elements: Elements, options: ReplaceOptions): { added: number; removed: number };
  /** Add or update these elements and leave the rest alone. */
  merge(elements: Elements, options: ReplaceOptions): { added: number };
  remove(ids: readonly string[]): void;
  select(selection: Selection | null): void;
  center(id: string): void;
  /** Mark nodes with a class (for example `expanded`), removing it from all others. */
  mark(className: string, ids: readonly string[]): void;
  runLayout(name: LayoutName): void;
  fit(): void;
  /** Runs `fn` once, after Cytoscape has drawn a frame with nodes on it and nothing moving. */
  whenDrawn(fn: () => void): void;
  has(id: string): boolean;
  /** The ids on the canvas now, for tests and the saved views (also counted in `data-*-count`). */
  nodeIds(): string[];
  edgeIds(): string[];
  /** Where a node is drawn, in pixels from the canvas's top left (null when it is not drawn). */
  renderedPosition(id: string): { x: number; y: number } | null;
  /** How the drawing reads now: nodes outside the canvas, overlapping names, the smallest name. */
  fitReport(): FitReport;
  nodeName(id: string): string | null;
  /** What is drawn, as text: each node with its label and its relationships in words (for the list view). */
  listing(): CanvasListing[];
  edgeData(id: string): ElementEdge['data'] | null;
  /** Exports (PNG/SVG at a scale, the elements with positions) and restoring a saved view's positions. */
  readonly exports: CanvasExport;
  resize(): void;
  destroy(): void;
}

/** Above this many relationships, a selected node's are named only on hover. */
const MAX_NAMED_EDGES = 12;

export function createCanvas(container: HTMLElement, handlers: CanvasHandlers): Canvas {
  const cy: Core = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.15,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  /** Where removed nodes last stood, so a node that comes back (a filter undone) returns there. */
  const remembered = new Map<string, Position>();
  let running: cytoscape.Layouts | null = null;
  /** True while the app (not the reader) is moving the viewport. */
  let moving = false;

  cy.on('tap', 'node', (event) => handlers.onSelect({ kind: 'node', id: event.target.id() }));
  cy.on('tap', 'edge', (event) => handlers.onSelect({ kind: 'edge', id: event.target.id() }));
  cy.on('tap', (event) => {
    if (event.target === cy) handlers.onSelect(null);
  });
  cy.on('dbltap', 'node', (event) => handlers.onExpand(event.target.id()));
  // Relationship names are shown for what the pointer is on, and always for the selection.
  cy.on('mouseover', 'node', (event) => event.target.connectedEdges().addClass('hover'));
  cy.on('mouseover', 'edge', (event) => event.target.addClass('hover'));
  cy.on('mouseout', 'node, edge', () => cy.edges('.hover').removeClass('hover'));
  cy.on('zoom', () => reflect());
  // The columns fold and the opening's note comes and goes: the drawing follows its container.
  // A size the drawing was already made for (replace measures the container before laying out)
  // needs no second fit: that would only animate the view back to where it is.
  const resizes = new ResizeObserver(() => {
    if (!measure()) return;
    if (!running) camera.refit();
  });
  // Past a measured size the drawing simplifies (and says so): see drawing-mode.ts.
  const large = createLargeView(cy, container, stylesheet);

  // fcose and dagre arrive when first needed (layout-extensions.ts); meanwhile the canvas is "running".
  const layouts = createLayoutStarter(() => reflect());

  function stopLayout(): void {
    layouts.cancel();
    running?.stop();
    running = null;
    reflect();
  }

  /** What is drawn, on the container, so a test (or a person in devtools) can see it settle. */
  function reflect(): void {
    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.edgeCount = String(cy.edges().length);
    large.update(cy.nodes().length + cy.edges().length);
    container.dataset.layout = running || moving || layouts.pending ? 'running' : 'idle';
    // How big a name is on screen, in CSS pixels, at this zoom.
    container.dataset.labelPx = (LABEL_FONT_SIZE * cy.zoom()).toFixed(1);
    // Every relationship named once zoomed in past what a fit chooses (see style.ts).
    const named = cy.zoom() > MAX_FIT_ZOOM;
    cy.edges(named ? ':not(.named)' : '.named').toggleClass('named', named);
    container.dataset.edgeNames = named ? 'all' : 'selection';
  }

  /** Reads the container's size again; true when it differs from the size Cytoscape knew. */
  function measure(): boolean {
    const was = { width: cy.width(), height: cy.height() };
    cy.resize();
    return cy.width() !== was.width || cy.height() !== was.height;
  }

  const camera = createCamera(cy, (isMoving) => {
    moving = isMoving;
    reflect();
  });
  resizes.observe(container);

  function track(layout: cytoscape.Layouts, onStop?: () => void): void {
    running = layout;
    layout.one('layoutstop', () => {
      if (running === layout) running = null;
      onStop?.();
      reflect();
    });
    reflect();
    layout.run();
  }

  function layoutNew(
    needLayout: NodeCollection,
    before: number,
    name: LayoutName,
    anchor: string | null | undefined,
  ): void {
    // What the reader asked to see: the node expanded (or pinned) with its neighbours, and what is new.
    const anchorNode = anchor ? cy.getElementById(anchor) : cy.collection();
    const focus = () =>
      anchorNode.nonempty() && anchorNode.inside()
        ? anchorNode.closedNeighborhood('node').union(needLayout)
        : needLayout.union(needLayout.neighborhood('node'));
    if (needLayout.empty()) {
      if (anchorNode.nonempty()) camera.reveal(focus());
      return;
    }
    if (before === 0 || name !== 'fcose') {
      // A first drawing appears in place: animating it only delays the view (bench: nav).
      runLayout(name, before > 0);
      return;
    }
    stopLayout();
    const fixed = cy
      .nodes()
      .difference(needLayout)
      .nodes()
      .map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
    // If the new nodes landed outside the view, bring them (and what they hang from) in.
    layouts.start(
      'fcose',
      () => track(cy.elements().layout(incrementalFcose(fixed)), () => camera.reveal(focus())),
      () => camera.reveal(focus()),
    );
  }

  function removeElements(collection: cytoscape.CollectionReturnValue): void {
    for (const node of collection.nodes()) remembered.set(node.id(), { ...node.position() });
    cy.remove(collection);
  }

  function runLayout(name: LayoutName, mayAnimate = true): void {
    stopLayout();
    if (cy.nodes().empty()) return;
    const animate = mayAnimate && cy.nodes().length < 250;
    const layout = (options: cytoscape.LayoutOptions) =>
      track(cy.elements().layout(options), () => camera.fitReadable(!animate));
    if (name === 'accountability') layout(accountabilityLayout(cy, animate));
    else
      layouts.start(
        fullLayout(name, animate).name,
        () => layout(fullLayout(name, animate)),
        () => layout(fullLayout('concentric', animate)),
      );
  }

  return {
    replace(elements, options) {
      const wanted = new Set([...elements.nodes, ...elements.edges].map((el) => el.data.id));
      const before = cy.nodes().length;
      let needLayout: NodeCollection = cy.collection();
      let removed = 0;
      // The page around the canvas may have changed with the same state (the opening's note above
      // it): lay out and fit for the size it has now, not the one it had at the last resize.
      measure();
      cy.batch(() => {
        const stale = cy.elements().filter((el) => !wanted.has(el.id()));
        removed = stale.nodes().length;
        removeElements(stale);
        const added = upsert(cy, elements);
        needLayout = placeNew(cy, added, options.anchor, remembered);
      });
      layoutNew(needLayout, before - removed, options.layout, options.anchor);
      reflect();
      if (before === 0 && cy.nodes().nonempty()) loadLayoutExtensionsWhenIdle();
      return { added: needLayout.length, removed };
    },
    merge(elements, options) {
      const before = cy.nodes().length;
      let needLayout: NodeCollection = cy.collection();
      cy.batch(() => {
        needLayout = placeNew(cy, upsert(cy, elements), options.anchor, remembered);
      });
      layoutNew(needLayout, before, options.layout, options.anchor);
      reflect();
      return { added: needLayout.length };
    },
    remove(ids) {
      const collection = cy.collection();
      for (const id of ids) collection.merge(cy.getElementById(id));
      removeElements(collection.union(collection.connectedEdges()));
      reflect();
    },
    select(selection) {
      cy.$(':selected').unselect();
      cy.edges('.near').removeClass('near');
      if (!selection) return;
      const element = cy.getElementById(selection.id);
      element.select();
      // The selection's relationship names, unless there are so many they would pile up on each
      // other: then they show for the one under the pointer.
      const edges = element.isNode() ? element.connectedEdges() : cy.collection();
      if (edges.length <= MAX_NAMED_EDGES) edges.addClass('near');
    },
    center: camera.center,
    mark(className, ids) {
      cy.nodes(`.${className}`).removeClass(className);
      for (const id of ids) cy.getElementById(id).addClass(className);
    },
    runLayout,
    fit: camera.fit,
    whenDrawn(fn) {
      const drawn = () => {
        if (cy.nodes().empty() || running || moving || layouts.pending) return;
        cy.off('render', drawn);
        fn();
      };
      cy.on('render', drawn);
    },
    has(id) {
      return cy.getElementById(id).nonempty();
    },
    nodeIds() {
      return cy.nodes().map((node) => node.id());
    },
    edgeIds() {
      return cy.edges().map((edge) => edge.id());
    },
    renderedPosition(id) {
      const node = cy.getElementById(id);
      return node.nonempty() && node.isNode() ? { ...node.renderedPosition() } : null;
    },
    fitReport() {
      const zoom = cy.zoom();
      const drawn: DrawnNode[] = cy.nodes().map((node) => {
        const box = node.renderedBoundingBox({ includeLabels: true, includeOverlays: false });
        const hasName = String(node.data('caption') ?? '') !== '';
        const label = hasName
          ? node.renderedBoundingBox({ includeNodes: false, includeLabels: true, includeOverlays: false })
          : null;
        return {
          id: node.id(),
          box: { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 },
          label: label ? { x1: label.x1, y1: label.y1, x2: label.x2, y2: label.y2 } : null,
          labelPx: Number.parseFloat(String(node.style('font-size'))) * zoom,
        };
      });
      return fitReport(drawn, { width: cy.width(), height: cy.height() });
    },
    listing() {
      return cy.nodes().map((node) => ({
        id: node.id(),
        name: String(node.data('name')),
        label: String(node.data('label')),
        relationships: node.connectedEdges().map((edge) => {
          const outgoing = edge.source().id() === node.id();
          const other = outgoing ? edge.target() : edge.source();
          const words = String(edge.data('caption'));
          return {
            id: edge.id(),
            text: outgoing ? `${words} → ${other.data('name')}` : `← ${words}: ${other.data('name')}`,
          };
        }),
      }));
    },
    nodeName(id) {
      const node = cy.getElementById(id);
      return node.nonempty() && node.isNode() ? String(node.data('name')) : null;
    },
    edgeData(id) {
      const edge = cy.getElementById(id);
      return edge.nonempty() && edge.isEdge() ? (edge.data() as ElementEdge['data']) : null;
    },
    exports: createCanvasExport(cy, {
      remember: (id, position) => remembered.set(id, { ...position }),
      stopLayout,
    }),
    resize() {
      cy.resize();
    },
    destroy() {
      resizes.disconnect();
      stopLayout();
      large.destroy();
      cy.destroy();
    },
  };
}
