import { describe, expect, it, vi } from 'vitest';
import type { Canvas } from './cy.ts';
import type { CanvasExport } from './cy-export.ts';
import { lateCanvas } from './late-canvas.ts';

function fakeCanvas(): Canvas {
  const exports = { svg: vi.fn(() => '<svg/>') } as unknown as CanvasExport;
  return {
    has: vi.fn(() => true),
    nodeIds: vi.fn(() => ['a']),
    fit: vi.fn(),
    exports,
  } as unknown as Canvas;
}

describe('the canvas the page is built with before Cytoscape arrives', () => {
  it('has nothing drawn before it is attached, and a resize is nothing to do', () => {
    const { canvas } = lateCanvas();
    expect(canvas.has('a')).toBe(false);
    expect(canvas.nodeIds()).toEqual([]);
    expect(canvas.renderedPosition('a')).toBeNull();
    expect(canvas.listing()).toEqual([]);
    expect(() => canvas.resize()).not.toThrow();
  });

  it('refuses, by name, anything else asked of it before then', () => {
    const { canvas } = lateCanvas();
    expect(() => canvas.fit()).toThrow(/canvas was used \(fit\) before it was built/);
    expect(() => canvas.exports.svg({ full: true, scale: 1, background: null })).toThrow(/svg/);
  });

  it('forwards every call to the real canvas once attached, its exports too', () => {
    const { canvas, attach } = lateCanvas();
    const exports = canvas.exports;
    const real = fakeCanvas();
    attach(real);
    expect(canvas.has('a')).toBe(true);
    expect(canvas.nodeIds()).toEqual(['a']);
    canvas.fit();
    expect(real.fit).toHaveBeenCalledOnce();
    // Taken before the canvas was attached (as the exports are when the page is built).
    expect(exports.svg({ full: true, scale: 1, background: null })).toBe('<svg/>');
  });
});
