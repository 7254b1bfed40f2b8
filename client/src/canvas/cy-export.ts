import type { Core, Position } from 'cytoscape';
import type { ElementEdge, ElementNode } from '../../../graph/contract/api.ts';
import type { ExportGraph } from '../../../graph/export/elements.ts';
import { drawingToSvg, type TextMeasure } from '../export/svg-writer.ts';
import { canvasMeasure, type DrawOptions, readDrawing } from './svg-drawing.ts';
import type { Size, Viewport } from './viewport.ts';

/**
 * cy.ts's companion for exports and saved views: it reads what the canvas holds (elements,
 * positions, viewport), draws it as PNG or SVG, and puts nodes back where a saved view had them.
 * Only cy.ts builds it, so Cytoscape is still reached through the canvas module alone.
 */

export interface GraphSnapshot {
  graph: ExportGraph;
  positions: Record<string, Position>;
  viewport: Viewport;
}

export interface CanvasExport {
  snapshot(): GraphSnapshot;
  /** The drawing's size in CSS pixels before scaling: the graph's bounds, or the window (maybe fractional). */
  drawingSize(full: boolean): Size;
  png(options: DrawOptions): Promise<Blob>;
  svg(options: DrawOptions): string;
  /** Move nodes to these positions now and whenever they are next added; optionally set the viewport. */
  setPositions(positions: Record<string, Position>, viewport?: Viewport | null): void;
}

interface Hooks {
  remember(id: string, position: Position): void;
  stopLayout(): void;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function createCanvasExport(cy: Core, hooks: Hooks): CanvasExport {
  let measure: TextMeasure | null = null;

  function drawingSize(full: boolean): Size {
    if (!full) {
      // Cytoscape caches the container's size and draws a view image at the cached size; the page
      // around the canvas may have moved since, so measure afresh, the same way Cytoscape does.
      cy.resize();
      return { width: cy.width(), height: cy.height() };
    }
    if (cy.elements().empty()) return { width: 0, height: 0 };
    const box = cy.elements().boundingBox({});
    return { width: Math.ceil(box.w), height: Math.ceil(box.h) };
  }

  /**
   * The PNG: node names are drawn in exports whatever the zoom (on screen they fade out when zoomed
   * far out), and the size is given as maxWidth/maxHeight, which Cytoscape honours exactly and
   * without multiplying by the screen's pixel ratio.
   */
  function png(options: DrawOptions): Promise<Blob> {
    const { width, height } = drawingSize(options.full);
    cy.nodes().style('min-zoomed-font-size', 0);
    try {
      return cy.png({
        full: options.full,
        maxWidth: width * options.scale,
        maxHeight: height * options.scale,
        ...(options.background ? { bg: options.background } : {}),
        output: 'blob-promise',
      });
    } finally {
      cy.nodes().removeStyle('min-zoomed-font-size');
    }
  }

  return {
    snapshot() {
      const positions: Record<string, Position> = {};
      const nodes = cy.nodes().map((node) => {
        const { caption: _caption, ...data } = node.data() as ElementNode['data'] & { caption?: string };
        const p = node.position();
        const position = { x: round(p.x), y: round(p.y) };
        positions[node.id()] = position;
        return { data, position };
      });
      const edges = cy.edges().map((edge) => ({ data: { ...(edge.data() as ElementEdge['data']) } }));
      const pan = cy.pan();
      return {
        graph: { nodes, edges },
        positions,
        viewport: { zoom: cy.zoom(), pan: { x: pan.x, y: pan.y } },
      };
    },
    drawingSize,
    png,
    svg(options) {
      measure ??= canvasMeasure();
      return drawingToSvg(readDrawing(cy, options, drawingSize(options.full)), measure);
    },
    setPositions(positions, viewport) {
      hooks.stopLayout();
      cy.batch(() => {
        for (const [id, position] of Object.entries(positions)) {
          hooks.remember(id, position);
          const node = cy.getElementById(id);
          if (node.nonempty()) node.position({ ...position });
        }
      });
      if (viewport) cy.viewport({ zoom: viewport.zoom, pan: { ...viewport.pan } });
    },
  };
}
