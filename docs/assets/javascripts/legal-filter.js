// Filters the legal registry table by kind, scope (national, a province, any
// local) and plan type. Without JavaScript the form stays hidden and every row shows.
(function () {
  function setup() {
    var form = document.querySelector(".legal-filter");
    var table = document.querySelector(".legal-registry");
    if (!form || !table || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr"));
    var count = form.querySelector(".legal-filter__count");
    function value(name) { return form.querySelector('[data-filter="' + name + '"]').value; }
    function apply() {
      var kind = value("kind"), scope = value("scope"), type = value("plan-type"), shown = 0;
      rows.forEach(function (row) {
        var ok = (!kind || row.dataset.kind === kind) &&
          (!scope || row.dataset.scope === scope || row.dataset.province === scope) &&
          (!type || row.dataset.planTypes.split(" ").indexOf(type) >= 0);
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      count.textContent = "Đang hiện " + shown + " trên " + rows.length + " văn bản";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    apply();
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
