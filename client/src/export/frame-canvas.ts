import {
  FRAME_COLOURS,
  FRAME_FONT_FAMILY,
  type FrameFont,
  type FrameLayout,
  type Measure,
  swatchPath,
} from './frame-layout.ts';

/** Canvas font shorthand for a frame font. */
export function cssFont(font: FrameFont): string {
  return `${font.weight} ${font.size}px ${FRAME_FONT_FAMILY}`;
}

/** Text widths as the browser will draw them. */
export function canvasMeasure(): Measure {
  const context = document.createElement('canvas').getContext('2d');
  return (text, font) => {
    if (!context) return text.length * font.size * 0.55;
    context.font = cssFont(font);
    return context.measureText(text).width;
  };
}

/** Paints the frame and the graph's image onto a new canvas `layout × scale` pixels in size. */
export function paintFrame(
  layout: FrameLayout,
  graphImage: CanvasImageSource,
  scale: number,
  background: string | null,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw on a canvas.');
  if (background) {
    ctx.fillStyle = background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
  }
  ctx.scale(scale, scale);
  ctx.textBaseline = 'alphabetic';
  for (const item of layout.items) {
    if (item.kind === 'text') {
      ctx.font = cssFont(item.font);
      ctx.fillStyle = item.color;
      ctx.fillText(item.text, item.x, item.y);
      continue;
    }
    ctx.fillStyle = item.color;
    const path = swatchPath(item.shape, item.x, item.y, item.size);
    ctx.beginPath();
    if ('points' in path) {
      for (const [i, [x, y]] of path.points.entries()) {
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.closePath();
    } else if ('ellipse' in path) {
      const r = item.size / 2;
      ctx.arc(item.x + r, item.y + r, r * 0.9, 0, 2 * Math.PI);
    } else {
      ctx.roundRect(item.x + 1, item.y + 2, item.size - 2, item.size - 4, path.rounded ? item.size / 5 : 0);
    }
    ctx.fill();
  }
  const { x, y, width, height } = layout.graph;
  ctx.strokeStyle = FRAME_COLOURS.rule;
  ctx.lineWidth = 1;
  ctx.strokeRect(x - 0.5, y - 0.5, width + 1, height + 1);
  ctx.drawImage(graphImage, x, y, width, height);
  return canvas;
}
