import cytoscape, { type Core, type ElementDefinition, type NodeCollection, type Position } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import type { ElementEdge, ElementNode, Elements } from '../../../graph/contract/api.ts';
import type { LayoutName, Selection } from '../state/link-state.ts';
import { caption } from './compose.ts';
import { type CanvasExport, createCanvasExport } from './cy-export.ts';
import { fullLayout, incrementalFcose } from './layouts.ts';
import { edgeCaption, stylesheet } from './style.ts';
import {
  type Box,
  contains,
  LABEL_FONT_SIZE,
  MAX_FIT_ZOOM,
  readableViewport,
  type Viewport,
} from './viewport.ts';

/**
 * The only module that touches Cytoscape. It adds, updates and removes elements, never draws an
 * edge whose ends are not both present, keeps nodes where the reader left them, and lays out only
 * what is new. Everything else talks to it through `Canvas`.
 */

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
  has(id: string): boolean;
  /** The ids on the canvas now, for tests and the saved views (also counted in `data-*-count`). */
  nodeIds(): string[];
  edgeIds(): string[];
  /** Where a node is drawn, in pixels from the canvas's top left (null when it is not drawn). */
  renderedPosition(id: string): { x: number; y: number } | null;
  nodeName(id: string): string | null;
  edgeData(id: string): ElementEdge['data'] | null;
  /** Exports (PNG/SVG at a scale, the elements with positions) and restoring a saved view's positions. */
  readonly exports: CanvasExport;
  resize(): void;
  destroy(): void;
}

/** Above this many relationships, a selected node's are named only on hover. */
const MAX_NAMED_EDGES = 12;

let registered = false;
function registerExtensions(): void {
  if (registered) return;
  cytoscape.use(fcose);
  cytoscape.use(dagre);
  registered = true;
}

function nodeDefinition(node: ElementNode): ElementDefinition {
  const max = node.data.label === 'Finding' ? 48 : 60;
  return {
    group: 'nodes',
    data: { ...node.data, caption: caption(node.data.name, max) },
    classes: node.data.disputed && node.data.disputed.length > 0 ? 'disputed' : '',
  };
}

function edgeDefinition(edge: ElementEdge): ElementDefinition {
  return { group: 'edges', data: { ...edge.data, caption: edgeCaption(edge.data.type) } };
}

function ring(center: Position, count: number, index: number, offset: number): Position {
  const radius = 180 + Math.max(0, count - 8) * 10;
  const angle = offset + (2 * Math.PI * index) / Math.max(1, count);
  return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
}

export function createCanvas(container: HTMLElement, handlers: CanvasHandlers): Canvas {
  registerExtensions();
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

  function stopLayout(): void {
    running?.stop();
    running = null;
    reflect();
  }

  /** What is drawn, on the container, so a test (or a person in devtools) can see it settle. */
  function reflect(): void {
    container.dataset.nodeCount = String(cy.nodes().length);
    container.dataset.edgeCount = String(cy.edges().length);
    container.dataset.layout = running || moving ? 'running' : 'idle';
    // How big a name is on screen, in CSS pixels, at this zoom.
    container.dataset.labelPx = (LABEL_FONT_SIZE * cy.zoom()).toFixed(1);
  }

  function moveTo(view: Viewport | null): void {
    if (!view) return;
    moving = true;
    reflect();
    cy.stop(true, false);
    cy.animate(view, {
      duration: 300,
      complete: () => {
        moving = false;
        reflect();
      },
    });
  }

  const boxOf = (eles: cytoscape.Collection): Box => eles.boundingBox({});
  const size = () => ({ width: cy.width(), height: cy.height() });

  /**
   * Fit what is drawn at a zoom where names are readable: everything if it fits, else the selected
   * node and its neighbours, else the selection centred; the reader pans or zooms out for the rest.
   */
  function fitReadable(): void {
    if (cy.elements().empty()) return;
    const selected = cy.$(':selected');
    const boxes = [boxOf(cy.elements())];
    if (selected.nonempty()) boxes.push(boxOf(selected.closedNeighborhood()), boxOf(selected));
    moveTo(readableViewport(boxes, size()));
  }

  /** Bring `eles` into view if any of them lies outside it, without zooming out past readable. */
  function reveal(eles: cytoscape.Collection): void {
    if (eles.empty()) return;
    const extent = cy.extent();
    if (contains({ x1: extent.x1, y1: extent.y1, x2: extent.x2, y2: extent.y2 }, boxOf(eles))) return;
    const all = boxOf(cy.elements());
    moveTo(readableViewport([all, boxOf(eles)], size()));
  }

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

  function place(added: NodeCollection, anchor: string | null | undefined): NodeCollection {
    const needLayout = added.filter((node) => !remembered.has(node.id()));
    for (const node of added) {
      const position = remembered.get(node.id());
      if (position) node.position(position);
    }
    const anchorNode = anchor ? cy.getElementById(anchor) : null;
    const anchorPos = anchorNode?.nonempty() ? anchorNode.position() : null;
    const extent = cy.extent();
    const middle = { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 };
    const offset = Math.random() * Math.PI;
    needLayout.forEach((node, index) => {
      const placed = node.neighborhood('node').difference(needLayout);
      if (anchorPos) {
        node.position(ring(anchorPos, needLayout.length, index, offset));
      } else if (placed.nonempty()) {
        const box = placed.boundingBox({});
        node.position(ring({ x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 }, 6, index, offset));
      } else {
        node.position(ring(middle, needLayout.length, index, offset));
      }
    });
    return needLayout;
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
      if (anchorNode.nonempty()) reveal(focus());
      return;
    }
    if (before === 0 || name !== 'fcose') {
      runLayout(name);
      return;
    }
    stopLayout();
    const fixed = cy
      .nodes()
      .difference(needLayout)
      .nodes()
      .map((node) => ({ nodeId: node.id(), position: { ...node.position() } }));
    const layout = cy.elements().layout(incrementalFcose(fixed));
    // If the new nodes landed outside the view, bring them (and what they hang from) in.
    track(layout, () => reveal(focus()));
  }

  function upsert(elements: Elements): NodeCollection {
    let added = cy.collection();
    for (const node of elements.nodes) {
      const existing = cy.getElementById(node.data.id);
      const definition = nodeDefinition(node);
      if (existing.nonempty()) {
        existing.data(definition.data);
        existing.classes(definition.classes ?? '');
      } else {
        added = added.union(cy.add(definition));
      }
    }
    for (const edge of elements.edges) {
      const existing = cy.getElementById(edge.data.id);
      if (existing.nonempty()) {
        existing.data(edgeDefinition(edge).data);
        continue;
      }
      // An edge whose ends are not both on the canvas is skipped, never drawn to nowhere.
      if (cy.getElementById(edge.data.source).empty() || cy.getElementById(edge.data.target).empty())
        continue;
      cy.add(edgeDefinition(edge));
    }
    return added.nodes();
  }

  function removeElements(collection: cytoscape.CollectionReturnValue): void {
    for (const node of collection.nodes()) remembered.set(node.id(), { ...node.position() });
    cy.remove(collection);
  }

  function runLayout(name: LayoutName): void {
    stopLayout();
    if (cy.nodes().empty()) return;
    track(cy.elements().layout(fullLayout(name, cy.nodes().length < 250)), fitReadable);
  }

  return {
    replace(elements, options) {
      const wanted = new Set([...elements.nodes, ...elements.edges].map((el) => el.data.id));
      const before = cy.nodes().length;
      let needLayout: NodeCollection = cy.collection();
      let removed = 0;
      cy.batch(() => {
        const stale = cy.elements().filter((el) => !wanted.has(el.id()));
        removed = stale.nodes().length;
        removeElements(stale);
        const added = upsert(elements);
        needLayout = place(added, options.anchor);
      });
      layoutNew(needLayout, before - removed, options.layout, options.anchor);
      reflect();
      return { added: needLayout.length, removed };
    },
    merge(elements, options) {
      const before = cy.nodes().length;
      let needLayout: NodeCollection = cy.collection();
      cy.batch(() => {
        needLayout = place(upsert(elements), options.anchor);
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
    center(id) {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1) }, { duration: 300 });
    },
    mark(className, ids) {
      cy.nodes(`.${className}`).removeClass(className);
      for (const id of ids) cy.getElementById(id).addClass(className);
    },
    runLayout,
    fit() {
      // Everything, as asked, but a few nodes are not blown up to fill the canvas.
      cy.fit(undefined, 40);
      if (cy.zoom() > MAX_FIT_ZOOM)
        cy.zoom({ level: MAX_FIT_ZOOM, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
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
      stopLayout();
      cy.destroy();
    },
  };
}
