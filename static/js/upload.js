/* Media library uploads with a progress bar.
 *
 * Enhances <form data-upload>: the file goes up with XMLHttpRequest so the
 * browser reports upload progress (fetch() cannot). The server answers 201 with
 * the new library card, which is added to the grid, or 400 with the reasons,
 * shown above the form. Without JavaScript the form posts normally and the
 * page reloads with the same messages.
 *
 * It also lets htmx swap in the 400/409 answers of the cards' own forms (alt
 * text refused, delete refused), which carry the explanation to show.
 *
 * Its messages come from Django's JavaScript catalogue (gettext, interpolate), which base.html loads.
 */
(function () {
  "use strict";

  // "1.5 MB", "1,5 Mo": the browser writes the number and the unit in the page's language.
  function formatSize(bytes) {
    var lang = document.documentElement.lang || undefined;
    function inUnit(amount, unit, digits) {
      var style = { style: "unit", unit: unit, maximumFractionDigits: digits, minimumFractionDigits: digits };
      return new Intl.NumberFormat(lang, style).format(amount);
    }
    if (bytes >= 1024 * 1024 * 1024) return inUnit(bytes / (1024 * 1024 * 1024), "gigabyte", 1);
    if (bytes >= 1024 * 1024) return inUnit(bytes / (1024 * 1024), "megabyte", 1);
    return inUnit(Math.max(1, Math.round(bytes / 1024)), "kilobyte", 0);
  }

  function say(message, values) {
    return interpolate(message, values || {}, true);
  }

  function showErrors(box, html) {
    box.innerHTML = html;
    var alert = box.querySelector("[role=alert]");
    if (alert) {
      alert.setAttribute("tabindex", "-1");
      alert.focus();
    }
  }

  function plainError(text) {
    var div = document.createElement("div");
    div.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.className = "media-error";
    p.textContent = text;
    div.appendChild(p);
    return div.outerHTML;
  }

  function tooLarge(form, file) {
    // A quick check before sending hundreds of megabytes; the server checks again by content.
    var isVideo = /^video\//.test(file.type);
    var limit = Number(isVideo ? form.dataset.maxVideoBytes : form.dataset.maxImageBytes);
    if (!file.type) limit = Math.max(Number(form.dataset.maxVideoBytes), Number(form.dataset.maxImageBytes));
    if (limit && file.size > limit) {
      var message = isVideo
        ? gettext("This file is %(size)s; the largest video PhysSocial accepts is %(limit)s.")
        : gettext("This file is %(size)s; the largest image PhysSocial accepts is %(limit)s.");
      return say(message, { size: formatSize(file.size), limit: formatSize(limit) });
    }
    return "";
  }

  function enhance(form) {
    var input = form.querySelector("input[type=file]");
    var errors = form.querySelector("#upload-errors");
    var progressBox = form.querySelector("#upload-progress");
    var bar = form.querySelector("progress");
    var status = form.querySelector("#upload-status");
    var button = form.querySelector("button[type=submit]");
    var grid = document.querySelector(form.dataset.uploadTarget);

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !input || !input.files.length) return; // let the browser post it
      event.preventDefault();
      var file = input.files[0];
      var refusal = tooLarge(form, file);
      if (refusal) {
        showErrors(errors, plainError(refusal));
        return;
      }
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.setRequestHeader("HX-Request", "true");
      xhr.setRequestHeader("X-CSRFToken", form.querySelector("[name=csrfmiddlewaretoken]").value);

      xhr.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round((e.loaded / e.total) * 100);
        bar.value = percent;
        bar.textContent = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: "percent" }).format(
          percent / 100,
        );
        if (percent === 100) status.textContent = gettext("Checking the file and removing location details…");
      });
      xhr.addEventListener("load", function () {
        finish();
        if (xhr.status === 201) {
          if (grid) {
            grid.insertAdjacentHTML("afterbegin", xhr.responseText);
            var card = grid.firstElementChild;
            if (window.htmx && card) window.htmx.process(card);
            var empty = document.getElementById("media-empty");
            if (empty) empty.remove();
          }
          form.reset();
          errors.innerHTML = "";
          status.textContent = say(gettext("%(name)s is in the library."), { name: file.name });
        } else if (xhr.status === 400) {
          showErrors(errors, xhr.responseText);
          status.textContent = "";
        } else {
          var failed = gettext("The upload failed (error %(status)s). Try again in a moment.");
          showErrors(errors, plainError(say(failed, { status: xhr.status })));
          status.textContent = "";
        }
      });
      xhr.addEventListener("error", function () {
        finish();
        showErrors(errors, plainError(gettext("The connection dropped during the upload. Check it and try again.")));
      });

      errors.innerHTML = "";
      bar.value = 0;
      progressBox.hidden = false;
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      status.textContent = say(gettext("Uploading %(name)s (%(size)s)…"), { name: file.name, size: formatSize(file.size) });
      xhr.send(new FormData(form));
    });

    function finish() {
      progressBox.hidden = true;
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  }

  function init() {
    document.querySelectorAll("form[data-upload]").forEach(enhance);
    // htmx leaves 4xx answers unswapped by default; ours carry the explanation to show.
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      var code = event.detail.xhr.status;
      if (code === 400 || code === 409) {
        event.detail.shouldSwap = true;
        event.detail.isError = false;
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
