// Posting schedule editor: "Add a time" appends an empty row, copied from the page's
// <template> (Django's empty form) and numbered as the formset expects. Without JavaScript
// the button stays hidden and saving offers an empty row instead.
(function () {
  "use strict";

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector("[data-add-schedule-row]");
    var template = document.getElementById("schedule-row-template");
    var form = button && button.closest("form");
    if (!template || !form) return;
    var total = form.querySelector("input[name$='-TOTAL_FORMS']");
    var most = form.querySelector("input[name$='-MAX_NUM_FORMS']");
    var rows = form.querySelector(".schedule-rows tbody");

    function refresh() {
      button.hidden = parseInt(total.value, 10) >= parseInt(most.value, 10);
    }

    button.addEventListener("click", function () {
      var index = parseInt(total.value, 10);
      var html = template.innerHTML.replace(/__prefix__/g, String(index)).replace(/__number__/g, String(index + 1));
      rows.insertAdjacentHTML("beforeend", html);
      total.value = String(index + 1);
      rows.lastElementChild.querySelector("input").focus();
      refresh();
    });
    refresh();
  });
})();
