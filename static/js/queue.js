// Queue page: drag posts into a new order. SortableJS moves the rows; the hidden "target"
// inputs move with them, so the reorder form (htmx) sends the ids in their new order.
// Without JavaScript the Move up / Move down buttons do the same job.
(function () {
  "use strict";

  function makeSortable(root) {
    if (typeof Sortable === "undefined") return;
    root.querySelectorAll("[data-queue-sortable]").forEach(function (list) {
      if (list.dataset.sortableReady) return;
      list.dataset.sortableReady = "1";
      Sortable.create(list, {
        draggable: "[data-movable]",
        handle: ".queue-handle",
        ghostClass: "queue-ghost",
        animation: 150,
        onEnd: function (event) {
          if (event.oldIndex === event.newIndex) return;
          var form = list.closest("form");
          if (form && window.htmx) window.htmx.trigger(form, "queue-reordered");
        },
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    makeSortable(document);
  });
  // htmx swaps in a fresh list after every action: make that one draggable too.
  document.addEventListener("htmx:load", function (event) {
    makeSortable(event.detail.elt.parentElement || document);
  });
})();
