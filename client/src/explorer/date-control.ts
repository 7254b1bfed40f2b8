import { formatDate } from '../format/dates.ts';
import { addDays, addMonths, clampDay, daysBetween, isDay } from '../format/days.ts';
import type { AppState } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { h, replace } from '../ui/dom.ts';

/**
 * The date, in the bar over the stage (so it stays within reach when the left column is folded):
 * a slider over 2015–2025 by day (arrow keys a day, month buttons a month), a date field,
 * and "all dates". Dragging updates the label; the graph is fetched again when the slider is let go.
 */

export const DATE_MIN = '2015-01-01';
export const DATE_MAX = '2025-12-31';

export function createDateControl(root: HTMLElement, store: Store) {
  const span = daysBetween(DATE_MIN, DATE_MAX);
  const slider = h('input', {
    id: 'date-slider',
    type: 'range',
    min: 0,
    max: span,
    step: 1,
    class: 'date-slider',
    'aria-label': 'Date: show relationships in force on this day',
    'data-testid': 'date-slider',
  });
  const field = h('input', {
    id: 'date-input',
    type: 'date',
    min: DATE_MIN,
    max: DATE_MAX,
    class: 'date-input',
    'data-testid': 'date-input',
    'aria-label': 'Date',
  });
  const readout = h('p', { class: 'date-readout', 'aria-live': 'polite', 'data-testid': 'date-readout' });
  const allDates = h('input', { id: 'date-all', type: 'checkbox', 'data-testid': 'date-all' });

  const set = (at: string | null) => store.dispatch({ type: 'setDate', at });
  const current = () => store.getState().at ?? '2017-06-12';
  const step = (months: number) => set(clampDay(addMonths(current(), months), DATE_MIN, DATE_MAX));

  slider.addEventListener('input', () => {
    readout.textContent = formatDate(addDays(DATE_MIN, Number(slider.value)));
  });
  slider.addEventListener('change', () => set(addDays(DATE_MIN, Number(slider.value))));
  field.addEventListener('change', () => {
    if (isDay(field.value)) set(field.value);
  });
  allDates.addEventListener('change', () => set(allDates.checked ? null : current()));

  const monthButton = (text: string, label: string, months: number) =>
    h(
      'button',
      { type: 'button', class: 'button small', 'aria-label': label, onclick: () => step(months) },
      text,
    );

  replace(
    root,
    h('h2', { class: 'visually-hidden' }, 'Date'),
    readout,
    slider,
    h(
      'div',
      { class: 'date-row' },
      monthButton('‹', 'One month earlier', -1),
      field,
      monthButton('›', 'One month later', 1),
    ),
    h(
      'label',
      { class: 'check date-all', title: 'Show every relationship, whenever it held' },
      allDates,
      ' All dates',
    ),
  );

  return {
    render(state: AppState) {
      const at = state.at;
      allDates.checked = at === null;
      slider.disabled = false;
      if (at) {
        slider.value = String(daysBetween(DATE_MIN, clampDay(at, DATE_MIN, DATE_MAX)));
        if (document.activeElement !== field) field.value = at;
        readout.textContent = `In force on ${formatDate(at)}`;
      } else {
        field.value = '';
        readout.textContent = 'All dates';
        readout.title = 'Every relationship, whenever it held';
      }
      root.classList.toggle('all-dates', at === null);
    },
  };
}
