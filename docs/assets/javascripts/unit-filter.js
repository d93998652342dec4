// Filters the units of a unit list's page by name, with or without diacritics
// ("vinh thuy" finds "Vĩnh Thủy"). A group whose units are all hidden is hidden
// with its heading. Without JavaScript the form stays hidden and every unit shows.
(function () {
  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function setup() {
    var form = document.querySelector(".unit-filter");
    var tables = Array.prototype.slice.call(document.querySelectorAll("table.unit-list"));
    if (!form || !tables.length || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var input = form.querySelector('[data-filter="unit"]');
    var count = form.querySelector(".unit-filter__count");
    var groups = tables.map(function (table) {
      return {
        table: table,
        heading: table.previousElementSibling && /^H[1-6]$/.test(table.previousElementSibling.tagName)
          ? table.previousElementSibling : null,
        rows: Array.prototype.slice.call(table.querySelectorAll("tbody tr")).map(function (row) {
          var head = row.querySelector("th");
          return { row: row, name: fold(head ? head.textContent : row.textContent) };
        })
      };
    });
    var total = groups.reduce(function (n, g) { return n + g.rows.length; }, 0);
    function apply() {
      var query = fold(input.value), shown = 0;
      groups.forEach(function (g) {
        var any = false;
        g.rows.forEach(function (r) {
          var ok = !query || r.name.indexOf(query) >= 0;
          r.row.hidden = !ok;
          if (ok) { any = true; shown += 1; }
        });
        g.table.hidden = !any;
        if (g.heading) g.heading.hidden = !any;
      });
      count.textContent = "Đang hiện " + shown + " trên " + total + " đơn vị";
    }
    input.addEventListener("input", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
