import './export.css';
import type { TrackerFormat } from '../../../graph/contract/exports.ts';
import { ApiError } from '../api.ts';
import type { Store } from '../state/store.ts';
import { dialogButton, h } from '../ui/dom.ts';
import { createExportDialog } from './dialog.ts';
import type { Exporter } from './exporter.ts';
import {
  type DataFormat,
  download,
  ExportError,
  type ImageFormat,
  type ImageRequest,
  SCALES,
} from './files.ts';
import type { TrackerExporter } from './tracker-exports.ts';

/**
 * The Export menu: a toolbar button opening a dialog for images (PNG or SVG of the visible view or
 * the whole graph, 1×–4×, white or transparent, optionally framed with a title, the date, a legend
 * and the sources) and data (JSON, CSV, GraphML of what is on the canvas). Before drawing a PNG it
 * shows the size and, past the browser's limits, says so instead of producing an empty file. The
 * tracker formats (Popolo, FollowTheMoney, GEXF with time, Wikidata-style CSV) are offered too.
 */
export function createExportMenu(
  toolbar: HTMLElement,
  store: Store,
  exporter: Exporter,
  trackers: TrackerExporter,
) {
  const radio = (value: string, checked: boolean, label: string) =>
    h(
      'label',
      {},
      h('input', {
        type: 'radio',
        name: 'export-area',
        value,
        checked,
        'data-testid': `export-area-${value}`,
        onchange: () => void refresh(),
      }),
      ` ${label}`,
    );
  const scale = h(
    'select',
    { id: 'export-scale', 'data-testid': 'export-scale', onchange: () => void refresh() },
    ...SCALES.map((s) => h('option', { value: String(s), selected: s === 2 }, `${s}×`)),
  );
  const background = h(
    'select',
    { id: 'export-background', 'data-testid': 'export-background' },
    h('option', { value: 'white' }, 'White'),
    h('option', { value: 'transparent' }, 'Transparent'),
  );
  const frame = h('input', {
    type: 'checkbox',
    id: 'export-frame',
    'data-testid': 'export-frame',
    onchange: () => void refresh(),
  });
  const title = h('input', {
    type: 'text',
    id: 'export-title',
    'data-testid': 'export-title',
    placeholder: 'Title (for the frame and file names)',
    maxlength: 200,
    onchange: () => void refresh(),
  });
  const size = h('p', { class: 'export-hint', 'data-testid': 'export-size', 'aria-live': 'polite' });
  const message = h('p', { class: 'export-message', 'data-testid': 'export-status', role: 'status' });
  const imageButton = (format: ImageFormat) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button primary',
        'data-testid': `export-download-${format}`,
        onclick: () => void run(() => imageFiles(format)),
      },
      format.toUpperCase(),
    );
  const dataButton = (format: DataFormat, label: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-testid': `export-download-${format}`,
        onclick: () => void run(() => exporter.data(format, title.value)),
      },
      label,
    );
  const trackerButton = (format: TrackerFormat, label: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'button',
        'data-testid': `export-download-${format}`,
        onclick: () => void run(async () => [await trackers.file(format, title.value)]),
      },
      label,
    );
  const dialog = createExportDialog(
    {
      testId: 'export-dialog',
      headingId: 'export-heading',
      title: 'Export',
      closeLabel: 'Close the export menu',
    },
    h(
      'fieldset',
      {},
      h('legend', {}, 'Image'),
      h(
        'div',
        { class: 'export-row' },
        radio('visible', true, 'Visible view'),
        radio('full', false, 'Whole graph'),
      ),
      h(
        'div',
        { class: 'export-row' },
        h('label', { for: 'export-scale' }, 'Scale'),
        scale,
        h('label', { for: 'export-background' }, 'Background'),
        background,
      ),
      h('div', { class: 'export-row' }, h('label', {}, frame, ' Frame for publication')),
      h('div', { class: 'export-row' }, title),
      h(
        'p',
        { class: 'export-hint' },
        'The frame adds the title, the date the view shows, a legend of the labels shown and the sources behind the relationships.',
      ),
      size,
      h('div', { class: 'export-row' }, imageButton('png'), imageButton('svg')),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Data: what is on the canvas'),
      h(
        'div',
        { class: 'export-row' },
        dataButton('json', 'JSON (Cytoscape)'),
        dataButton('csv', 'CSV (nodes + relationships)'),
        dataButton('graphml', 'GraphML'),
      ),
      h(
        'p',
        { class: 'export-hint' },
        'CSV is two files, one of nodes and one of relationships with their evidence. GraphML opens in Gephi, yEd and Cytoscape Desktop.',
      ),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, 'For office-holder trackers: the tenures on the canvas'),
      h(
        'div',
        { class: 'export-row' },
        trackerButton('popolo', 'Popolo JSON'),
        trackerButton('ftm', 'FollowTheMoney (NDJSON)'),
        trackerButton('gexf', 'GEXF (with time)'),
        trackerButton('wikidata', 'Wikidata-style CSV'),
      ),
      h(
        'p',
        { class: 'export-hint' },
        'Popolo for EveryPolitician and Open Civic Data tools, FollowTheMoney for Aleph, GEXF for Gephi’s timeline (with the canvas’s positions), and statements of “position held” for a reviewer to check against Wikidata. Nothing is sent anywhere.',
      ),
    ),
    message,
  );

  const button = toolbar.appendChild(
    dialogButton(dialog, {
      label: 'Export…',
      title: 'Export an image or the data of the view',
      testId: 'export-menu-button',
      onOpen: () => void refresh(),
    }),
  );

  function request(format: ImageFormat): ImageRequest {
    const area = dialog.querySelector<HTMLInputElement>('input[name=export-area]:checked')?.value;
    return {
      format,
      full: area === 'full',
      scale: Number(scale.value),
      background: background.value === 'transparent' ? 'transparent' : 'white',
      frame: frame.checked,
      title: title.value,
    };
  }

  let token = 0;
  async function refresh(): Promise<void> {
    const mine = ++token;
    const planned = await exporter.plan(request('png'));
    if (mine !== token) return;
    size.textContent = `PNG: ${planned.width.toLocaleString('en-GB')} × ${planned.height.toLocaleString('en-GB')} px`;
    size.dataset.width = String(planned.width);
    size.dataset.height = String(planned.height);
    setMessage(planned.check.ok ? '' : planned.check.message, !planned.check.ok);
  }

  async function imageFiles(format: ImageFormat) {
    return [await exporter.image(request(format))];
  }

  function setMessage(text: string, isError: boolean): void {
    message.textContent = text;
    message.classList.toggle('error', isError);
    message.setAttribute('role', isError ? 'alert' : 'status');
    message.dataset.state = isError ? 'error' : text ? 'done' : 'idle';
  }

  async function run(make: () => Promise<Array<{ name: string; blob: Blob }>>): Promise<void> {
    setMessage('Preparing…', false);
    message.dataset.state = 'busy';
    try {
      const files = await make();
      for (const file of files) download(file);
      setMessage(`Saved ${files.map((f) => f.name).join(' and ')}.`, false);
    } catch (error) {
      const text =
        error instanceof ExportError || error instanceof ApiError
          ? error.message
          : `The export failed: ${error instanceof Error ? error.message : String(error)}`;
      setMessage(text, true);
    }
  }

  // Images and data come from the graph canvas, so the menu is for the Explore tab.
  const enable = (tab: string) => {
    button.disabled = tab !== 'explore';
  };
  enable(store.getState().tab);
  store.subscribe((state) => enable(state.tab));
}
