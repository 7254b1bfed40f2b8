import cytoscape, { type Core, type ElementDefinition, type NodeCollection, type Position } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import type { ElementEdge, ElementNode, Elements } from '../../../server/api/contract.ts';
import type { LayoutName, Selection } from '../state/view-state.ts';
import { caption } from './compose.ts';
import { type CanvasExport, createCanvasExport } from './cy-export.ts';
import { fullLayout, incrementalFcose } from './layouts.ts';
import { stylesheet } from './style.ts';

/**
 * The only module that touches Cytoscape. It adds, updates and removes elements, never draws an
 * edge whose ends are not both present, keeps nodes where the reader left them, and lays out only
 * what is new. Everything else talks to it through `GraphView`.
 */

export interface GraphHandlers {
  onSelect(selection: Selection | null): void;
  onExpand(id: string): void;
}

export interface ReplaceOptions {
  /** The node new nodes should gather around (the one just expanded), if any. */
  anchor?: string | null;
  layout: LayoutName;
}

export interface GraphView {
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
  nodeName(id: string): string | null;
  edgeData(id: string): ElementEdge['data'] | null;
  exportPng(): Blob;
  /** Exports (PNG/SVG at a scale, the elements with positions) and restoring a saved view's positions. */
  readonly exports: CanvasExport;
  resize(): void;
  destroy(): void;
}

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
  return { group: 'edges', data: { ...edge.data } };
}

function ring(center: Position, count: number, index: number, offset: number): Position {
  const radius = 180 + Math.max(0, count - 8) * 10;
  const angle = offset + (2 * Math.PI * index) / Math.max(1, count);
  return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
}

export function createGraphView(container: HTMLElement, handlers: GraphHandlers): GraphView {
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

  cy.on('tap', 'node', (event) => handlers.onSelect({ kind: 'node', id: event.target.id() }));
  cy.on('tap', 'edge', (event) => handlers.onSelect({ kind: 'edge', id: event.target.id() }));
  cy.on('tap', (event) => {
    if (event.target === cy) handlers.onSelect(null);
  });
  cy.on('dbltap', 'node', (event) => handlers.onExpand(event.target.id()));

  function stopLayout(): void {
    running?.stop();
    running = null;
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

  function layoutNew(needLayout: NodeCollection, before: number, name: LayoutName): void {
    if (needLayout.empty()) return;
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
    // If the new nodes landed outside the view, widen the view to take them in.
    layout.one('layoutstop', () => {
      const view = cy.extent();
      let outside = false;
      for (const node of needLayout) {
        const { x, y } = node.position();
        if (x < view.x1 || x > view.x2 || y < view.y1 || y > view.y2) outside = true;
      }
      if (outside) cy.animate({ fit: { eles: cy.elements(), padding: 40 } }, { duration: 300 });
    });
    running = layout;
    layout.run();
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

  /**
   * Fitting a large graph can zoom out until labels are unreadable; below this zoom, zoom back in
   * on the selection (or the middle) and let the reader pan, rather than show a field of dots.
   */
  const READABLE_ZOOM = 0.8;
  function keepReadable(): void {
    if (cy.zoom() >= READABLE_ZOOM) return;
    const selected = cy.$(':selected');
    const focus = selected.nonempty() ? selected : cy.elements();
    const box = focus.boundingBox({});
    cy.animate(
      { zoom: READABLE_ZOOM, center: { eles: focus } },
      { duration: 250, complete: () => (box.w === 0 ? cy.center(focus) : undefined) },
    );
  }

  function runLayout(name: LayoutName): void {
    stopLayout();
    if (cy.nodes().empty()) return;
    const layout = cy.elements().layout(fullLayout(name, cy.nodes().length < 250));
    layout.one('layoutstop', keepReadable);
    running = layout;
    layout.run();
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
      layoutNew(needLayout, before - removed, options.layout);
      return { added: needLayout.length, removed };
    },
    merge(elements, options) {
      const before = cy.nodes().length;
      let needLayout: NodeCollection = cy.collection();
      cy.batch(() => {
        needLayout = place(upsert(elements), options.anchor);
      });
      layoutNew(needLayout, before, options.layout);
      return { added: needLayout.length };
    },
    remove(ids) {
      const collection = cy.collection();
      for (const id of ids) collection.merge(cy.getElementById(id));
      removeElements(collection.union(collection.connectedEdges()));
    },
    select(selection) {
      cy.$(':selected').unselect();
      cy.edges('.near').removeClass('near');
      if (!selection) return;
      const element = cy.getElementById(selection.id);
      element.select();
      if (element.isNode()) element.connectedEdges().addClass('near');
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
      cy.fit(undefined, 40);
    },
    has(id) {
      return cy.getElementById(id).nonempty();
    },
    nodeName(id) {
      const node = cy.getElementById(id);
      return node.nonempty() && node.isNode() ? String(node.data('name')) : null;
    },
    edgeData(id) {
      const edge = cy.getElementById(id);
      return edge.nonempty() && edge.isEdge() ? (edge.data() as ElementEdge['data']) : null;
    },
    exportPng() {
      return cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' });
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
