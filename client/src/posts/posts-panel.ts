import type { PostsChart } from '../../../graph/contract/posts-chart.ts';
import { download } from '../export/files.ts';
import { canvasMeasure } from '../export/frame-canvas.ts';
import type { AppState } from '../state/app-state.ts';
import type { Deps } from '../ui/deps.ts';
import { errorText, h, replace, statusLine } from '../ui/dom.ts';
import { type ChartModel, createModel, createView, type View } from './chart.ts';
import { cursorKey } from './keys.ts';
import { postsLegend } from './legend.ts';
import type { Measure } from './marks.ts';
import { fetchPostsChart } from './posts-api.ts';
import { renderDetails } from './posts-details.ts';
import { exportChart, installChartAutomation } from './posts-export.ts';
import { visibleRows } from './rows.ts';
import { dayNumber, dayString, fitRange, pan, type Range, zoom } from './scale.ts';
import { cursorSvg, defs, headerSvg, rowsSvg, type SvgOptions } from './svg.ts';
import './posts.css';

/**
 * The Posts tab: one row per post of the selected organisation and the bodies answerable with it,
 * on a time axis one can zoom and pan, with the shared date as a cursor. The drawing is the pure
 * SVG of svg.ts; this module only fetches, keeps the zoom, draws the rows in view and wires events.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgElement(attrs: Record<string, string>): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  for (const [k, v] of Object.entries(attrs)) svg.setAttribute(k, v);
  return svg;
}

function orgOf(state: AppState): string | null {
  const candidates = [
    state.selected?.kind === 'node' ? state.selected.id : null,
    ...state.pinned,
    ...state.expansions.map((e) => e.id),
  ];
  return candidates.find((id): id is string => typeof id === 'string' && id.startsWith('org:')) ?? null;
}

export function createPostsPanel(root: HTMLElement, deps: Deps) {
  const frameMeasure = canvasMeasure();
  const measure: Measure = (text, size) => frameMeasure(text, { size, weight: 400 });
  installChartAutomation((q) => fetchPostsChart(q), deps.data);

  const title = h('h2', { class: 'panel-title' }, 'Posts');
  const status = h('div', { class: 'pc-status', 'data-testid': 'posts-status' });
  const button = (label: string, testid: string, onclick: () => void, aria?: string) =>
    h(
      'button',
      { type: 'button', class: 'pc-button', 'data-testid': testid, onclick, 'aria-label': aria ?? label },
      label,
    );
  const toolbar = h(
    'div',
    { class: 'pc-toolbar', role: 'toolbar', 'aria-label': 'Chart tools' },
    button('−', 'posts-zoom-out', () => zoomBy(1 / 1.6), 'Zoom out'),
    button('+', 'posts-zoom-in', () => zoomBy(1.6), 'Zoom in'),
    button('Fit', 'posts-fit', () => fitToData(), 'Fit the data'),
    button('◀', 'posts-pan-left', () => panBy(-0.25), 'Earlier'),
    button('▶', 'posts-pan-right', () => panBy(0.25), 'Later'),
    h('span', { class: 'pc-sep' }),
    button('SVG', 'posts-export-svg', () => void save('svg'), 'Export the chart as SVG'),
    button('PNG', 'posts-export-png', () => void save('png'), 'Export the chart as PNG'),
    button('CSV', 'posts-export-csv', () => void save('csv'), 'Export the tenures as CSV'),
  );
  const head = svgElement({ class: 'pc-head', 'data-testid': 'posts-header' });
  const body = svgElement({ class: 'pc-body', 'data-testid': 'posts-rows' });
  const spacer = h('div', { class: 'pc-spacer' });
  const scroller = h('div', { class: 'pc-scroll' }, spacer);
  spacer.appendChild(body);
  const chartBox = h(
    'div',
    {
      class: 'pc-chart',
      'data-testid': 'posts-chart',
      // A named group: a plain div may not carry a label, and the chart is one keyboard stop.
      role: 'group',
      tabindex: 0,
      'aria-label': 'Posts chart. Arrow keys move the date; Shift with them moves a year; + and − zoom.',
    },
    head,
    scroller,
  );
  const details = h('div', { class: 'pc-details', 'data-testid': 'posts-details', 'aria-live': 'polite' });
  const side = h('aside', { class: 'pc-side' }, h('h3', {}, 'Details'), details);
  const legend = h(
    'details',
    { class: 'pc-legend-box', open: true },
    h('summary', {}, 'Legend'),
    postsLegend(),
  );
  replace(
    root,
    h(
      'div',
      { class: 'pc' },
      h('div', { class: 'pc-top' }, title, toolbar),
      status,
      h('div', { class: 'pc-main' }, chartBox, legend, side),
    ),
  );
  renderDetails(details, null, deps);

  let org: string | null = null;
  let chart: PostsChart | null = null;
  let model: ChartModel | null = null;
  let view: View | null = null;
  let range: Range | null = null;
  let width = 0;
  let cursor: number | null = null;
  let dragging = false;
  let token = 0;

  const options = (): SvgOptions => ({ interactive: true, titleOf: (ref) => model?.titleOf(ref) ?? '' });

  function drawHeader(): void {
    if (!model || !view) return;
    const markup = headerSvg(
      {
        scale: view.scale,
        width,
        labelWidth: model.labelWidth,
        ticks: view.ticks,
        markers: view.events.markers,
        levels: view.events.levels,
      },
      options(),
    );
    head.setAttribute('width', String(width));
    head.setAttribute('height', String(view.headerHeight));
    head.innerHTML = `${markup}<g class="pc-cursor-layer">${cursor === null ? '' : cursorSvg(view.scale, cursor, view.headerHeight, true)}</g>`;
  }

  function drawRows(): void {
    if (!model || !view) return;
    const shown = visibleRows(model.rows, scroller.scrollTop, scroller.clientHeight || 600);
    const v = view;
    const markup = rowsSvg(
      {
        rows: shown,
        scale: v.scale,
        labelWidth: model.labelWidth,
        width,
        drawings: v.drawings,
        hasData: v.hasData,
        fitTitle: v.fitTitle,
        ticks: v.ticks,
      },
      options(),
    );
    body.setAttribute('width', String(width));
    body.setAttribute('height', String(model.height));
    body.dataset.rowsDrawn = String(shown.length);
    spacer.style.height = `${model.height}px`;
    body.innerHTML = `${defs()}<clipPath id="pc-clip-b"><rect x="0" y="0" width="${width}" height="${model.height}"/></clipPath><g clip-path="url(#pc-clip-b)">${markup}</g><g class="pc-cursor-layer">${cursor === null ? '' : cursorSvg(v.scale, cursor, model.height, false)}</g>`;
  }

  function drawCursor(): void {
    if (!model || !view) return;
    const v = view;
    const m = model;
    head.querySelector('.pc-cursor-layer')?.replaceChildren();
    const set = (svg: SVGSVGElement, markup: string) => {
      const layer = svg.querySelector('.pc-cursor-layer');
      if (layer) layer.innerHTML = markup;
    };
    set(head, cursor === null ? '' : cursorSvg(v.scale, cursor, v.headerHeight, true));
    set(body, cursor === null ? '' : cursorSvg(v.scale, cursor, m.height, false));
    chartBox.dataset.cursor = cursor === null ? '' : dayString(cursor);
  }

  function draw(): void {
    if (!model || !range) return;
    // The drawing is exactly as wide as its box, so that nothing placed inside it is cut off.
    width = Math.max(240, Math.floor(chartBox.clientWidth - 2 || 1000));
    view = createView(model, range, width, measure);
    chartBox.dataset.rangeStart = dayString(range.start);
    chartBox.dataset.rangeEnd = dayString(range.end);
    drawHeader();
    drawRows();
    drawCursor();
  }

  function setRange(next: Range): void {
    range = next;
    draw();
  }
  function fitToData(): void {
    if (chart) setRange(fitRange(chart.extent, new Date().toISOString().slice(0, 10)));
  }
  function zoomBy(factor: number, anchorX?: number): void {
    if (!range || !view) return;
    const anchor =
      anchorX === undefined ? (cursor ?? (range.start + range.end) / 2) : view.scale.day(anchorX);
    setRange(zoom(range, factor, anchor));
  }
  function panBy(share: number): void {
    if (range) setRange(pan(range, (range.end - range.start) * share));
  }

  function commitCursor(): void {
    if (cursor === null) return;
    const day = dayString(cursor);
    if (deps.store.getState().at !== day) deps.store.dispatch({ type: 'setDate', at: day });
  }

  function select(ref: string): void {
    const target = model?.target(ref) ?? null;
    renderDetails(details, target, deps);
    if (target?.kind === 'event') {
      cursor = dayNumber(target.event.start);
      drawCursor();
      commitCursor();
    }
  }

  async function save(format: 'svg' | 'png' | 'csv'): Promise<void> {
    if (!chart) return;
    replace(status, statusLine('loading', `Preparing the ${format.toUpperCase()}…`));
    try {
      const file = await exportChart(
        chart,
        { format, range, at: cursor === null ? null : dayString(cursor), scale: format === 'png' ? 2 : 1 },
        deps.data,
        measure,
      );
      download(file);
      replace(status, h('span', { 'data-testid': 'posts-export-done' }, `Saved ${file.name}.`));
    } catch (error) {
      replace(status, statusLine('error', errorText(error)));
    }
  }

  // Clicks and keys on anything with a reference open its details.
  const refOf = (target: EventTarget | null) =>
    target instanceof Element ? (target.closest('[data-ref]')?.getAttribute('data-ref') ?? null) : null;
  for (const svg of [head, body])
    svg.addEventListener('click', (event) => {
      const ref = refOf(event.target);
      if (ref) select(ref);
    });
  chartBox.addEventListener('keydown', (event) => {
    const ref = refOf(event.target);
    if (ref && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      select(ref);
      return;
    }
    if (event.key === '+' || event.key === '=') return zoomBy(1.6);
    if (event.key === '-') return zoomBy(1 / 1.6);
    const next = cursorKey(
      event.key,
      event.shiftKey,
      cursor ?? (range ? Math.round((range.start + range.end) / 2) : null),
    );
    if (next === null) return;
    event.preventDefault();
    cursor = next;
    if (range && (cursor < range.start || cursor > range.end))
      setRange(pan(range, cursor < range.start ? cursor - range.start - 30 : cursor - range.end + 30));
    else drawCursor();
    commitCursor();
  });

  // Dragging on the axis moves the date cursor; dragging on the rows pans; Ctrl+wheel zooms.
  head.addEventListener('pointerdown', (event) => {
    if (!view || !model || event.offsetX < model.labelWidth || refOf(event.target)) return;
    dragging = true;
    head.setPointerCapture(event.pointerId);
    cursor = Math.round(view.scale.day(event.offsetX));
    drawCursor();
  });
  head.addEventListener('pointermove', (event) => {
    if (!dragging || !view) return;
    cursor = Math.round(view.scale.day(event.offsetX));
    drawCursor();
  });
  const endDrag = () => {
    if (!dragging) return;
    dragging = false;
    commitCursor();
  };
  head.addEventListener('pointerup', endDrag);
  head.addEventListener('pointercancel', endDrag);
  let panFrom: { x: number; range: Range } | null = null;
  body.addEventListener('pointerdown', (event) => {
    if (!range || refOf(event.target) || event.button !== 0) return;
    panFrom = { x: event.clientX, range };
    body.setPointerCapture(event.pointerId);
  });
  body.addEventListener('pointermove', (event) => {
    if (!panFrom || !view) return;
    const perPx = (panFrom.range.end - panFrom.range.start) / view.scale.width;
    const next = pan(panFrom.range, -(event.clientX - panFrom.x) * perPx);
    if (next.start !== range?.start) setRange(next);
  });
  body.addEventListener('pointerup', () => {
    panFrom = null;
  });
  chartBox.addEventListener(
    'wheel',
    (event) => {
      if (!view) return;
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault();
        zoomBy(event.deltaY < 0 ? 1.25 : 1 / 1.25, event.clientX - chartBox.getBoundingClientRect().left);
      } else if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        event.preventDefault();
        panBy((event.shiftKey ? event.deltaY : event.deltaX) / Math.max(200, view.scale.width));
      }
    },
    { passive: false },
  );
  let scrollQueued = false;
  scroller.addEventListener('scroll', () => {
    if (scrollQueued) return;
    scrollQueued = true;
    requestAnimationFrame(() => {
      scrollQueued = false;
      drawRows();
    });
  });
  new ResizeObserver(() => {
    if (model && Math.floor(chartBox.clientWidth - 2) !== width && chartBox.clientWidth > 0) draw();
  }).observe(chartBox);

  function load(id: string): void {
    const mine = ++token;
    chartBox.dataset.state = 'loading';
    replace(status, statusLine('loading', 'Loading the posts…'));
    fetchPostsChart({ org: id }).then(
      (answer) => {
        if (mine !== token) return;
        chart = answer;
        model = createModel(answer, measure);
        title.textContent = `Posts: ${answer.organisation.name}`;
        const posts = model.rows.filter((r) => r.kind === 'post').length;
        replace(
          status,
          posts === 0
            ? statusLine(
                'empty',
                `No posts are recorded for ${answer.organisation.name} or the bodies answerable with it.`,
              )
            : h(
                'span',
                { class: 'muted' },
                `${posts} posts in ${answer.organisations.length} organisations. Drag the date on the axis; drag the rows to pan; Ctrl+wheel zooms.`,
              ),
        );
        renderDetails(details, null, deps);
        fitToData();
        chartBox.dataset.state = 'ready';
      },
      (error: unknown) => {
        if (mine !== token) return;
        chartBox.dataset.state = 'error';
        replace(status, statusLine('error', errorText(error)));
      },
    );
  }

  return {
    render(state: AppState) {
      if (state.tab !== 'posts') return;
      const at = state.at ? dayNumber(state.at) : null;
      if (!dragging && at !== cursor) {
        cursor = at;
        drawCursor();
      }
      const id = orgOf(state);
      if (id === org) {
        if (model && chartBox.clientWidth > 0 && Math.floor(chartBox.clientWidth - 2) !== width) draw();
        return;
      }
      org = id;
      if (!id) {
        chart = null;
        model = null;
        head.replaceChildren();
        body.replaceChildren();
        chartBox.dataset.state = 'empty';
        replace(
          status,
          statusLine(
            'empty',
            'Select an organisation (search for it, or click it in the graph) to chart its posts.',
          ),
        );
        return;
      }
      load(id);
    },
  };
}
