import htmx from 'htmx.org';

window.htmx = htmx;

// Print buttons on letter pages; kept here so the pages carry no inline script.
document.addEventListener('click', (event) => {
  if (event.target.closest('[data-print]')) {
    window.print();
  }
});
