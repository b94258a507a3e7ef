import htmx from 'htmx.org';
import { enhance, showErrors } from './editor.js';

window.htmx = htmx;

// The policies page's code editors; other pages have none.
if (document.querySelector('textarea[data-editor]')) {
  enhance();
  document.body.addEventListener('htmx:afterSettle', () => showErrors());
}

// Print buttons on letter pages; kept here so the pages carry no inline script.
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});

// "Select the N shown" ticks or clears every card's box on the queue; the boxes stay usable one by one.
document.addEventListener('change', (event) => {
  const all = event.target.closest('[data-select-page]');
  if (all) {
    document.querySelectorAll('input.select[form="bulk"]').forEach((box) => { box.checked = all.checked; });
  }
});

// Deciding a card in place, or "Show more", replaces the control that had focus, which would send a keyboard user back
// to the top of the page. Focus goes to the new card instead, so they carry on from where they were. (A swap that keeps
// focus, such as the queue's filters whose ids htmx puts focus back on, is left alone.)
document.addEventListener('htmx:afterSwap', (event) => {
  if (!(event.target instanceof Element) || (document.activeElement !== null && document.activeElement !== document.body)) {
    return;
  }
  const card = event.target.matches('article.action') ? event.target : event.target.querySelector('article.action');
  if (card) {
    card.tabIndex = -1;
    card.focus();
  }
});
