import type { Canvas } from './cy.ts';
import type { CanvasExport } from './cy-export.ts';

/**
 * A `Canvas` to build the page with before Cytoscape's code has arrived (it is a chunk of its own,
 * so the opening's picture is painted while it loads). Every call goes to the real canvas once
 * `attach` has handed it over. Before that, the canvas has nothing drawn and answers so (and a
 * resize is nothing to do, since Cytoscape measures its container when it starts); any other call
 * is a mistake in the page's start-up order and throws saying so, rather than being dropped.
 */
const BEFORE_ATTACH: Partial<Record<keyof Canvas, () => unknown>> = {
  has: () => false,
  nodeIds: () => [],
  edgeIds: () => [],
  renderedPosition: () => null,
  nodeName: () => null,
  edgeData: () => null,
  listing: () => [],
  resize: () => undefined,
};

type Members = Record<PropertyKey, (...args: unknown[]) => unknown>;

function forward<T extends object>(
  target: () => Members | null,
  before: Partial<Record<keyof T, () => unknown>>,
): T {
  return new Proxy({} as T, {
    get: (_, member) => {
      if (typeof member !== 'string') return undefined;
      return (...args: unknown[]) => {
        const to = target();
        if (to) return to[member]?.(...args);
        const answer = before[member as keyof T];
        if (answer) return answer();
        throw new Error(`The canvas was used (${member}) before it was built.`);
      };
    },
  });
}

export function lateCanvas(): { canvas: Canvas; attach(real: Canvas): void } {
  let real: Canvas | null = null;
  const exports = forward<CanvasExport>(() => (real ? (real.exports as unknown as Members) : null), {});
  const methods = forward<Canvas>(() => real as unknown as Members | null, BEFORE_ATTACH);
  const canvas = new Proxy(methods, {
    get: (target, member, receiver) =>
      member === 'exports' ? exports : Reflect.get(target, member, receiver),
  });
  return {
    canvas,
    attach(canvasNow) {
      real = canvasNow;
    },
  };
}
