// The share kit's adoption chart: cumulative adoptions and publications per day.
// Its data come from the page (json_script "adoption-chart-config"); the table beside it holds the same figures.
(function () {
  "use strict";

  function draw() {
    var canvas = document.getElementById("adoption-chart");
    var source = document.getElementById("adoption-chart-config");
    if (!canvas || !source || typeof window.Chart === "undefined") {
      return;
    }
    var config = JSON.parse(source.textContent);
    var colours = ["#2f6f8f", "#c05621"];
    new window.Chart(canvas, {
      type: "line",
      data: {
        labels: config.labels,
        datasets: config.datasets.map(function (dataset, index) {
          return {
            label: dataset.label,
            data: dataset.data,
            borderColor: colours[index % colours.length],
            backgroundColor: colours[index % colours.length],
            stepped: true,
          };
        }),
      },
      options: {
        // Numbers as the page's language writes them.
        locale: document.documentElement.lang || undefined,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
