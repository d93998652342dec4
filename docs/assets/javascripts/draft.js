/* 'Soạn kế hoạch cho đơn vị của bạn': the drafting form of a plan type.
 *
 * Loaded by the drafting page only, after fflate (vendor/fflate.js), the official
 * list of units (window.draftUnits) and the plan type's fillable form
 * (window.draftForm), all scripts built by macros/export/draft_form.py.
 *
 * The preview below the form is the plan in the official form with a token
 * (⟦issuer⟧, ⟦place_date⟧…) where each fact goes; each token becomes a <span>
 * whose text is set from the form (textContent: what is typed is never markup).
 * The Word file is the fillable form made at build time by python-docx: its
 * word/document.xml holds each token inside one run, replaced here by the
 * XML-escaped value; an optional line left empty (cơ quan chủ quản, thẩm quyền
 * ký) loses its paragraph. Nothing is sent anywhere; values are kept in
 * localStorage only when the reader ticks "Ghi nhớ", and "Xóa" removes them.
 */
"use strict";

(function () {
  var form = document.querySelector("form[data-draft]");
  var units = window.draftUnits;
  var tmpl = window.draftForm;
  if (!form || !units || !tmpl || !window.fflate) return;

  var TOKEN = /⟦([a-z0-9_-]+)⟧/g;
  var BLANK = "…";
  var LONG_BLANK = "……";
  var OPTIONAL = { superior: true, sig_authority: true };
  var MARKS = { issuer: "[Tên cơ quan ban hành]", issuer_short: "[Tên cơ quan ban hành]",
                sig_title: "[Chức vụ người ký]", signer_name: "[Họ và tên]" };
  var AUTO = ["issuer", "issuer_short", "place", "signer_authority", "signer_title", "symbol"];
  var TO_SLOT = { signer_authority: "sig_authority", signer_title: "sig_title" };
  var STORE = "draft:" + form.dataset.draft;
  var defaults = JSON.parse(form.dataset.defaults);
  var year = Number(form.dataset.year);
  var el = function (name) { return form.elements.namedItem(name); };
  var status = form.querySelector("[data-draft-status]");

  form.querySelector("[data-draft-nojs]").hidden = true;

  /* ---------------------------------------------------------------- text */

  /* One line, NFC, spaces folded, without the characters XML cannot hold (as export/word.py). */
  function clean(v) {
    return (v || "").normalize("NFC").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
      .replace(/\s+/g, " ").trim();
  }

  /* Lowercase, no diacritics, đ → d: "Phường Hạc Thành" → "phuong hac thanh". */
  function fold(v) {
    return clean(v).normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }

  function capital(v) { return v.charAt(0).toUpperCase() + v.slice(1); }

  /* Nghị định 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero. */
  function officialDate(place, iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    var y = m ? Number(m[1]) : year, mo = m ? Number(m[2]) : 0, d = m ? Number(m[3]) : 0;
    var day = d ? (d < 10 ? "0" + d : String(d)) : BLANK;
    var month = mo ? (mo < 3 ? "0" + mo : String(mo)) : BLANK;
    return (place || LONG_BLANK) + ", ngày " + day + " tháng " + month + " năm " + y;
  }

  /* ---------------------------------------------------------------- units */

  var byProvince = {};
  var byCode = {};
  units.provinces.forEach(function (p) {
    byProvince[p[0]] = p[2].map(function (u) {
      var kind = units.kinds[u[2]];
      var unit = { code: u[0], name: u[1], kind: kind, province: p[0], full: capital(kind) + " " + u[1] };
      unit.key = fold(unit.full);
      unit.short = fold(unit.name);
      byCode[unit.code] = unit;
      return unit;
    });
  });

  /* The unit a typed value names in the chosen province: its official code, or its
     name (with or without its kind, with or without diacritics) when exactly one matches. */
  function findUnit(value) {
    var v = clean(value);
    if (/^\d+$/.test(v)) return byCode[Number(v)] || null;
    var list = byProvince[el("province").value] || [];
    var key = fold(v);
    var found = list.filter(function (u) { return u.key === key || u.short === key; });
    return found.length === 1 ? found[0] : null;
  }

  function matches(value) {
    var list = byProvince[el("province").value] || [];
    var key = fold(value);
    if (!key) return list.slice(0, 50);
    // names that start with what is typed first, then a word that starts with it, then the rest
    var rank = function (u) {
      if (u.short.indexOf(key) === 0 || u.key.indexOf(key) === 0) return 0;
      return (" " + u.key).indexOf(" " + key) >= 0 ? 1 : 2;
    };
    return list.filter(function (u) { return u.key.indexOf(key) >= 0 || String(u.code) === key; })
      .map(function (u, i) { return [rank(u), i, u]; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .map(function (x) { return x[2]; }).slice(0, 50);
  }

  var chosen = null;

  function pattern(p, u) {
    return p.replace(/\{name\}/g, u.name).replace(/\{NAME\}/g, u.name.toUpperCase())
      .replace(/\{kind\}/g, u.kind).replace(/\{KIND\}/g, u.kind.toUpperCase());
  }

  /* The chosen level: which fillable document it uses, its default symbol and signing authority. */
  function level() { return tmpl.levels[el("level").value]; }

  /* Issuer, place and signature derived from the unit and the level, unless the reader has edited them. */
  function derive() {
    var commune = el("level").value === form.dataset.commune;
    AUTO.forEach(function (name) {
      var input = el(name);
      if (input.dataset.edited) return;
      var key = TO_SLOT[name] || name;
      var value = "";
      if (key === "symbol") value = level().symbol;
      else if (key === "sig_authority" && level().authority) value = level().authority;
      else if (commune && chosen && defaults[key]) value = pattern(defaults[key], chosen);
      else if (commune && (key === "sig_authority" || key === "sig_title")) value = defaults[key];
      input.value = value;
    });
  }

  function choose(unit) {
    chosen = unit;
    if (unit) {
      el("province").value = String(unit.province);
      el("unit").value = unit.full;
      say("Đã chọn " + unit.full + " (mã " + unit.code + ").");
    }
    derive();
  }

  /* ---------------------------------------------------------------- the unit combobox */

  var input = el("unit");
  var listbox = document.getElementById("draft-unit-list");
  var unitStatus = document.getElementById("draft-unit-status");
  var active = -1;
  var shown = [];

  function say(message) { unitStatus.textContent = message; }

  function closeList() {
    listbox.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function openList() {
    shown = matches(input.value);
    listbox.textContent = "";
    shown.forEach(function (u, i) {
      var li = document.createElement("li");
      li.id = "draft-unit-opt-" + u.code;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = u.full;
      li.addEventListener("mousedown", function (e) { e.preventDefault(); pick(i); });
      listbox.appendChild(li);
    });
    var open = shown.length > 0 && document.activeElement === input;
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    active = -1;
  }

  function highlight(i) {
    var items = listbox.children;
    if (!items.length) return;
    active = (i + items.length) % items.length;
    for (var k = 0; k < items.length; k++) items[k].setAttribute("aria-selected", k === active ? "true" : "false");
    input.setAttribute("aria-activedescendant", items[active].id);
    items[active].scrollIntoView({ block: "nearest" });
  }

  function pick(i) {
    choose(shown[i]);
    closeList();
    update();
  }

  function settle() {
    var found = findUnit(input.value);
    if (found) choose(found);
    else {
      chosen = null;
      if (clean(input.value)) say(el("province").value ? "Chưa khớp đúng một đơn vị của tỉnh đã chọn." : "Chọn tỉnh, thành phố trước.");
      else say("");
      derive();
    }
    update();
  }

  input.addEventListener("input", function () { openList(); settle(); });
  input.addEventListener("focus", openList);
  input.addEventListener("blur", function () { closeList(); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "ArrowDown") { if (listbox.hidden) openList(); highlight(active + 1); e.preventDefault(); }
    else if (e.key === "ArrowUp") { highlight(active - 1); e.preventDefault(); }
    else if (e.key === "Enter") { if (!listbox.hidden && active >= 0) { pick(active); } e.preventDefault(); }
    else if (e.key === "Escape") closeList();
  });

  /* ---------------------------------------------------------------- values */

  function values() {
    var v = {};
    var get = function (name) { return clean(el(name).value); };
    v.superior = get("superior");
    v.issuer = get("issuer") || MARKS.issuer;
    v.issuer_short = get("issuer_short") || MARKS.issuer_short;
    v.place = get("place") || LONG_BLANK;
    v.number_line = "Số: " + (get("number") || BLANK) + "/" + (get("symbol") || level().symbol);
    v.place_date = officialDate(get("place"), el("date").value);
    v.sig_authority = get("signer_authority");
    v.sig_title = get("signer_title") || MARKS.sig_title;
    v.signer_name = get("signer_name") || MARKS.signer_name;
    form.querySelectorAll("[data-token]").forEach(function (f) { v[f.dataset.token] = clean(f.value) || LONG_BLANK; });
    return v;
  }

  /* ---------------------------------------------------------------- preview */

  var previews = document.querySelectorAll("[data-draft-preview]");
  var slots = [];
  (function tokenise() {
    var nodes = [];
    document.querySelectorAll("[data-plan]").forEach(function (doc) {
      var walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) if (walker.currentNode.data.indexOf("⟦") >= 0) nodes.push(walker.currentNode);
    });
    nodes.forEach(function (node) {
      var frag = document.createDocumentFragment();
      var text = node.data, pos = 0, m;
      TOKEN.lastIndex = 0;
      while ((m = TOKEN.exec(text))) {
        frag.appendChild(document.createTextNode(text.slice(pos, m.index)));
        var span = document.createElement("span");
        span.className = "draft-slot";
        span.dataset.slot = m[1];
        frag.appendChild(span);
        slots.push(span);
        pos = TOKEN.lastIndex;
      }
      frag.appendChild(document.createTextNode(text.slice(pos)));
      node.parentNode.replaceChild(frag, node);
    });
  })();

  function update() {
    var chosenLevel = el("level").value;
    previews.forEach(function (p) { p.hidden = p.dataset.draftPreview.split(" ").indexOf(chosenLevel) < 0; });
    var v = values();
    slots.forEach(function (span) {
      var value = v[span.dataset.slot] || "";
      span.textContent = value;
      if (OPTIONAL[span.dataset.slot]) span.parentNode.hidden = !value;
    });
    save();
  }

  /* ---------------------------------------------------------------- files */

  function xmlEscape(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  /* An optional line left empty: its whole paragraph goes. */
  function dropParagraph(xml, token) {
    var at = xml.indexOf(token);
    while (at >= 0) {
      var start = Math.max(xml.lastIndexOf("<w:p>", at), xml.lastIndexOf("<w:p ", at));
      var end = xml.indexOf("</w:p>", at) + "</w:p>".length;
      xml = xml.slice(0, start) + xml.slice(end);
      at = xml.indexOf(token);
    }
    return xml;
  }

  function fill(textValue, v, escape) {
    return textValue.replace(TOKEN, function (all, name) {
      return name in v ? escape(v[name]) : all;
    });
  }

  var docxBytes = {};
  function template() {
    var key = level().doc;
    if (!docxBytes[key]) {
      var bin = atob(tmpl.docs[key].docx);
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      docxBytes[key] = bytes;
    }
    return docxBytes[key];
  }

  function makeDocx(v) {
    var files = window.fflate.unzipSync(template());
    var xml = window.fflate.strFromU8(files["word/document.xml"]);
    Object.keys(OPTIONAL).forEach(function (name) { if (!v[name]) xml = dropParagraph(xml, "⟦" + name + "⟧"); });
    files["word/document.xml"] = window.fflate.strToU8(fill(xml, v, xmlEscape));
    return window.fflate.zipSync(files, { level: 6, mtime: new Date(2025, 6, 1) });
  }

  function makeText(v) {
    var lines = tmpl.docs[level().doc].text.split("\n").filter(function (line) {
      var m = /^⟦([a-z0-9_-]+)⟧$/.exec(line);
      return !(m && OPTIONAL[m[1]] && !v[m[1]]);
    });
    return fill(lines.join("\n"), v, function (s) { return s; });
  }

  function fileName(ext) {
    var who = chosen ? "ubnd-" + fold(chosen.full).replace(/[^a-z0-9]+/g, "-") : "don-vi";
    return "ke-hoach-" + tmpl.type + "-" + who + "." + ext;
  }

  function download(bytes, type, name) {
    var url = URL.createObjectURL(new Blob([bytes], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  form.querySelectorAll("[data-download]").forEach(function (button) {
    button.addEventListener("click", function () {
      var v = values();
      if (button.dataset.download === "docx") {
        download(makeDocx(v), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", fileName("docx"));
      } else {
        download(new TextEncoder().encode(makeText(v)), "text/plain;charset=utf-8", fileName("txt"));
      }
      status.textContent = "Đã tạo tệp " + fileName(button.dataset.download) + ".";
    });
  });

  /* ---------------------------------------------------------------- kept values */

  var KEPT = ["level", "province", "unit", "superior", "issuer", "issuer_short", "place", "number", "symbol", "date",
              "signer_authority", "signer_title", "signer_name"];

  function save() {
    if (!el("remember").checked) return;
    var data = {};
    KEPT.forEach(function (n) { data[n] = el(n).value; });
    form.querySelectorAll("[data-token]").forEach(function (f) { data[f.name] = f.value; });
    AUTO.forEach(function (n) { if (el(n).dataset.edited) data["edited:" + n] = true; });
    try { localStorage.setItem(STORE, JSON.stringify(data)); } catch (e) { /* storage off: nothing kept */ }
  }

  function restore() {
    var data;
    try { data = JSON.parse(localStorage.getItem(STORE) || "null"); } catch (e) { data = null; }
    if (!data) return;
    Object.keys(data).forEach(function (n) {
      if (n.indexOf("edited:") === 0) { el(n.slice(7)).dataset.edited = "1"; return; }
      var f = el(n);
      if (f) f.value = data[n];
    });
    el("remember").checked = true;
    chosen = findUnit(el("unit").value);
  }

  form.querySelector("[data-clear]").addEventListener("click", function () {
    try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
    el("remember").checked = false;
    status.textContent = "Đã xóa thông tin ghi nhớ trên máy này.";
  });
  el("remember").addEventListener("change", function () {
    if (this.checked) save();
    else try { localStorage.removeItem(STORE); } catch (e) { /* nothing kept */ }
  });

  /* ---------------------------------------------------------------- wiring */

  function levelChanged() {
    form.querySelector("[data-draft-commune]").hidden = el("level").value !== form.dataset.commune;
    if (el("level").value !== form.dataset.commune) chosen = null;
    derive();
  }

  AUTO.forEach(function (n) {
    el(n).addEventListener("input", function () { this.dataset.edited = "1"; });
  });
  el("level").addEventListener("change", function () { levelChanged(); update(); });
  el("province").addEventListener("change", function () { settle(); });
  form.addEventListener("input", update);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  el("date").min = year + "-01-01";
  el("date").max = year + "-12-31";
  restore();
  form.querySelector("[data-draft-commune]").hidden = el("level").value !== form.dataset.commune;
  if (!el("remember").checked) derive();
  update();
  form.dataset.ready = "true";
})();
