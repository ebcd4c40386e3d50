// The Analytics page's charts, drawn with Chart.js from the "analytics-charts" config
// (analytics/views.py); each chart has the same figures in a table beside it.
(function () {
  "use strict";

  function draw() {
    const source = document.getElementById("analytics-charts");
    if (!source || typeof window.Chart === "undefined") {
      return;
    }
    const config = JSON.parse(source.textContent);
    config.charts.forEach(function (chart) {
      const canvas = document.getElementById(chart.id);
      if (!canvas) {
        return;
      }
      new window.Chart(canvas, {
        type: "line",
        data: {
          labels: chart.labels,
          datasets: chart.datasets.map(function (line) {
            return {
              label: line.label,
              data: line.data,
              borderColor: line.colour,
              backgroundColor: line.colour,
              pointRadius: chart.labels.length > 60 ? 0 : 2,
              tension: 0.2,
            };
          }),
        },
        options: {
          // Numbers on the axes and in the tooltips as the page's language writes them ("1 234,5").
          locale: document.documentElement.lang || undefined,
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          interaction: { mode: "index", intersect: false },
          scales: {
            y: { beginAtZero: chart.fromZero, title: { display: true, text: chart.yLabel } },
          },
        },
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
