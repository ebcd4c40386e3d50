/* Campaign pages: each campaign's colour on its swatch, and the posts-per-day chart.
   Colours and figures come from the page (data-colour, json_script); the table beside the chart
   gives the same figures to screen readers. */
(function () {
  "use strict";

  document.querySelectorAll(".campaign-colour[data-colour]").forEach(function (swatch) {
    // A style property set from script is allowed by the CSP; a style attribute is not.
    swatch.style.backgroundColor = swatch.dataset.colour;
  });

  const canvas = document.getElementById("campaign-chart");
  const configElement = document.getElementById("campaign-chart-config");
  if (!canvas || !configElement || typeof window.Chart === "undefined") return;
  const config = JSON.parse(configElement.textContent);
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: config.labels,
      datasets: [{ label: config.label, data: config.counts, backgroundColor: config.colour }],
    },
    options: {
      // Numbers as the page's language writes them.
      locale: document.documentElement.lang || undefined,
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: false } },
    },
  });
})();
