// Draws every <canvas data-chart="ID"> from the JSON in <script type="application/json" id="ID">.
// No inline script anywhere: the page's CSP allows only this origin's files.
(function () {
  "use strict";
  var colors = ["#b3261e", "#1f6feb", "#2e7d32", "#8e24aa"];
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    var source = document.getElementById(canvas.dataset.chart);
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var chart = new Chart(canvas, {
      type: spec.type,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (s, i) {
          return { label: s.label, data: s.data, backgroundColor: colors[i % colors.length],
                   borderColor: colors[i % colors.length], spanGaps: true };
        })
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: { title: { display: true, text: spec.title }, legend: { display: spec.series.length > 1 } },
        scales: { y: { beginAtZero: spec.type === "bar" } }
      }
    });
    canvas.dataset.points = String(chart.getDatasetMeta(0).data.length);
  });
})();
