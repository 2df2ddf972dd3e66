// Turns data tables marked data-chart="bar" into Chart.js charts drawn above them. The table stays on the page: it is
// the accessible, exact version of the chart. Numeric cells carry data-value; columns marked data-chart-skip are left out.
(function () {
  "use strict";
  if (typeof Chart === "undefined") return;

  const palette = ["#005eb8", "#ae2573", "#007f3b", "#330072", "#8a4b00"];

  document.querySelectorAll("table[data-chart='bar']").forEach(function (table) {
    const headers = Array.from(table.tHead.rows[0].cells);
    const columns = headers
      .map(function (cell, index) { return { index: index, label: cell.textContent.trim(), skip: cell.hasAttribute("data-chart-skip") }; })
      .filter(function (column) { return column.index > 0 && !column.skip; });
    const rows = Array.from(table.tBodies[0].rows);
    const labels = rows.map(function (row) { return row.cells[0].textContent.trim(); });
    const datasets = columns.map(function (column, i) {
      return {
        label: column.label,
        backgroundColor: palette[i % palette.length],
        data: rows.map(function (row) { return Number(row.cells[column.index].dataset.value); }),
      };
    });

    const canvas = document.createElement("canvas");
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", (table.dataset.chartTitle || "Chart") + ". The table below gives the exact figures.");
    const holder = document.createElement("div");
    holder.className = "app-chart__canvas";
    holder.appendChild(canvas);
    table.parentNode.insertBefore(holder, table);

    new Chart(canvas, {
      type: "bar",
      data: { labels: labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        plugins: { legend: { display: datasets.length > 1 } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    table.dataset.chartReady = "true";
  });
})();
