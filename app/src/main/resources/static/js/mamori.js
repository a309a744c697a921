// Mamori's only script besides htmx: sends the CSRF token with every htmx request.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="_csrf_header"]');
  var token = document.querySelector('meta[name="_csrf"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});

// A form with data-confirm asks before it is submitted (plain forms; htmx forms use hx-confirm).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
}, true);

// A button with data-copy-target copies that element's text (a token or password shown once).
document.addEventListener("click", function (event) {
  var button = event.target.closest ? event.target.closest("button[data-copy-target]") : null;
  if (!button || !navigator.clipboard) {
    return;
  }
  var source = document.getElementById(button.dataset.copyTarget);
  if (source) {
    navigator.clipboard.writeText(source.textContent.trim()).then(function () {
      if (button.dataset.copiedText) {
        button.textContent = button.dataset.copiedText;
      }
    });
  }
});
