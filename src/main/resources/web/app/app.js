import htmx from 'htmx.org';

window.htmx = htmx;

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
