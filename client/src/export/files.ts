/**
 * What the Export menu speaks of before any file is made: the formats, a request, a file, the error
 * it shows, and the browser's download. Kept apart from the writers (exporter.ts and
 * tracker-exports.ts with graph/export/), which are loaded only when something is exported.
 */

export type ImageFormat = 'png' | 'svg';
export type DataFormat = 'json' | 'csv' | 'graphml';
export const SCALES = [1, 2, 3, 4] as const;

export interface ImageRequest {
  format: ImageFormat;
  /** The whole graph, or only what the window shows. */
  full: boolean;
  scale: number;
  background: 'white' | 'transparent';
  frame: boolean;
  title: string;
}

export interface ExportFile {
  name: string;
  blob: Blob;
}

/** A request the browser cannot carry out, with the reason to show instead of a file. */
export class ExportError extends Error {
  override readonly name = 'ExportError';
}

/** Saves a file through the browser's download. */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5_000);
}
