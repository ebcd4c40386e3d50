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
 */
(function () {
  "use strict";

  function formatSize(bytes) {
    if (bytes >= 1024 * 1024 * 1024) return (bytes / (1024 * 1024 * 1024)).toFixed(1) + " GB";
    if (bytes >= 1024 * 1024) return (bytes / (1024 * 1024)).toFixed(1) + " MB";
    return Math.max(1, Math.round(bytes / 1024)) + " KB";
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
      return "This file is " + formatSize(file.size) + "; the largest " + (isVideo ? "video" : "image") +
        " PhysSocial accepts is " + formatSize(limit) + ".";
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
        bar.textContent = percent + "%";
        if (percent === 100) status.textContent = "Checking the file and removing location details…";
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
          status.textContent = file.name + " is in the library.";
        } else if (xhr.status === 400) {
          showErrors(errors, xhr.responseText);
          status.textContent = "";
        } else {
          showErrors(errors, plainError("The upload failed (error " + xhr.status + "). Try again in a moment."));
          status.textContent = "";
        }
      });
      xhr.addEventListener("error", function () {
        finish();
        showErrors(errors, plainError("The connection dropped during the upload. Check it and try again."));
      });

      errors.innerHTML = "";
      bar.value = 0;
      progressBox.hidden = false;
      button.disabled = true;
      button.setAttribute("aria-busy", "true");
      status.textContent = "Uploading " + file.name + " (" + formatSize(file.size) + ")…";
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
