import { describe, expect, it } from 'vitest';
import { checkCanvasSize, MAX_CANVAS_SIDE } from './limits.ts';

describe('checkCanvasSize', () => {
  it('accepts an image within the limits', () => {
    expect(checkCanvasSize(1200, 800, 4)).toEqual({ ok: true });
    expect(checkCanvasSize(4096, 4096, 4)).toEqual({ ok: true });
  });

  it('refuses a side past 32,767 px, saying how large and what scale would fit', () => {
    const check = checkCanvasSize(9000, 1000, 4);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('36,000 × 4,000 px');
    expect(check.message).toContain('32,767 px wide or tall');
    expect(check.largestScale).toBeCloseTo(MAX_CANVAS_SIDE / 9000, 1);
    expect(check.message).toContain('Choose 3× or less');
  });

  it('refuses an area past the limit even when each side fits', () => {
    const check = checkCanvasSize(5000, 5000, 4);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.message).toContain('20,000 × 20,000 px');
    expect(check.message).toContain('268,435,456 px in all');
    expect(check.message).toContain('Choose 3× or less');
  });

  it('says there is nothing to export for an empty canvas rather than making an empty file', () => {
    const check = checkCanvasSize(0, 0, 2);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toBe('There is nothing on the canvas to export.');
  });

  it('suggests the visible view when even 1× is too large', () => {
    const check = checkCanvasSize(40_000, 500, 1);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toContain('Export the visible view instead');
  });
});
