// The page "Kiểm tra bản thảo": an official's draft checked in the browser, nothing sent anywhere.
// The rules are kiem-tra/quy-tac.js (window.DRAFT_CHECK_RULES), compiled at build time from the
// catalogue by macros/model/draft_check.py; this file is the same engine as that module's
// `check`, rule kind for rule kind, with the same messages (tests/draft_check_cases.yml runs
// both). A .docx is unzipped with the vendored fflate (vendor/fflate.js) and read as
// macros/tools/lint.py reads it: paragraphs and table cells in document order.
(function () {
  "use strict";
  var ERROR = "lỗi", WARNING = "cảnh báo", NOTE = "ghi chú";
  var GONE = "Hết hiệu lực toàn bộ", PARTLY = ["Hết hiệu lực một phần", "Chưa có hiệu lực"];
  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  function rx(pattern, caseSensitive, global) {
    return new RegExp(pattern, (caseSensitive ? "" : "i") + "u" + (global ? "gd" : ""));
  }
  function say(rules, key, fields) {
    return rules.messages[key].replace(/\{([a-z_]+)\}/g, function (_, name) { return String(fields[name]); });
  }
  function finding(line, level, message) { return { line: line, level: level, message: message }; }
  function numberKey(number) {
    return number.normalize("NFC").replace(/\s+/g, "").toUpperCase().split("Đ").join("D");
  }
  function isUpper(line) { return line === line.toUpperCase() && line !== line.toLowerCase(); }

  function splitLines(text) {
    var lines = text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/);
    if (lines.length && lines[lines.length - 1] === "") lines.pop();
    return lines;
  }

  function cleanLines(raw, rules) {
    return raw.map(function (line) {
      line = line.normalize("NFC");
      rules.strip.forEach(function (p) { line = line.replace(new RegExp(p, "gu"), ""); });
      return line.trim();
    });
  }

  function windowOf(lines, after, within) {
    var all = [], i;
    if (!after) { for (i = 0; i < lines.length; i++) all.push(i); return all; }
    var re = rx(after, true), start = -1;
    for (i = 0; i < lines.length; i++) if (re.test(lines[i])) { start = i; break; }
    if (start < 0) return [];
    if (within === null || within === undefined) {
      for (i = start + 1; i < lines.length; i++) all.push(i);
      return all;
    }
    all.push(start);
    for (i = start + 1; i < lines.length && all.length < within + 1; i++) if (lines[i]) all.push(i);
    return all;
  }
  function titleRange(lines, rules) { return windowOf(lines, rules.title_year.after, rules.title_year.within); }

  function planWhen(lines, rules) {
    var re = rx(rules.place_date), i, m;
    for (i = 0; i < lines.length; i++) {
      m = re.exec(lines[i]);
      if (m) {
        var year = parseInt(m[3], 10);
        return { year: year, date: m[1] && m[2] ? [year, parseInt(m[2], 10), parseInt(m[1], 10)] : null, line: i };
      }
    }
    re = rx(rules.title_year.pattern);
    var titles = titleRange(lines, rules);
    for (i = 0; i < titles.length; i++) {
      m = re.exec(lines[titles[i]]);
      if (m) return { year: parseInt(m[1], 10), date: null, line: null };
    }
    return { year: null, date: null, line: null };
  }

  function titleYear(lines, rules, when) {
    if (when.line === null) return [];
    var re = rx(rules.title_year.pattern), titles = titleRange(lines, rules);
    for (var k = 0; k < titles.length; k++) {
      var m = re.exec(lines[titles[k]]);
      if (m) {
        var found = parseInt(m[1], 10);
        return found === when.year ? []
          : [finding(titles[k] + 1, WARNING, say(rules, "title_year", { found: found, year: when.year }))];
      }
    }
    return [];
  }

  function citations(lines, rules, year) {
    var found = new Map();
    lines.forEach(function (line, i) {
      var seen = {};
      rules.citations.forEach(function (p) {
        for (var m of line.matchAll(rx(p, false, true))) {
          var start = m.indices[1][0];
          if (seen[start]) continue;
          seen[start] = true;
          var key = numberKey(m[1]);
          if (!found.has(key)) found.set(key, [i, m[1]]);
        }
      });
    });
    var entries = Array.from(found.entries()).sort(function (a, b) { return a[1][0] - b[1][0]; });
    var out = [];
    entries.forEach(function (entry) {
      var key = entry[0], i = entry[1][0], number = entry[1][1], doc = rules.documents[key];
      if (!doc) { out.push(finding(i + 1, NOTE, say(rules, "unknown", { number: number }))); return; }
      var name = doc.designation;
      var replaced = doc.replaced_by.filter(function (r) { return year === null || (r.year !== null && r.year < year); });
      if (replaced.length) {
        var others = replaced.map(function (r) { return r.designation; }).join("; ");
        out.push(finding(i + 1, ERROR, say(rules, "replaced", { designation: name, others: others })));
      } else if (doc.status === GONE) {
        out.push(finding(i + 1, ERROR, say(rules, "gone", { designation: name, status: doc.status })));
      } else {
        if (PARTLY.indexOf(doc.status) >= 0) {
          out.push(finding(i + 1, WARNING, say(rules, "partly", { designation: name, status: doc.status })));
        }
        var amenders = doc.amended_by.filter(function (a) {
          return (year === null || a.year === null || a.year <= year) && !a.keys.some(function (k) { return found.has(k); });
        });
        if (amenders.length) {
          var by = amenders.map(function (a) { return a.designation; }).join("; ");
          out.push(finding(i + 1, WARNING, say(rules, "amended", { designation: name, others: by })));
        }
      }
    });
    return out;
  }

  function afterEnd(ended, year, date) {
    var end = ended.split("-").map(function (p) { return parseInt(p, 10); });
    if (year > end[0]) return true;
    if (!date) return false;
    for (var k = 0; k < 3; k++) if (date[k] !== end[k]) return date[k] > end[k];
    return true;
  }

  function dated(lines, rules, when) {
    var out = [], year = when.year;
    rules.ended.forEach(function (level) {
      if (!afterEnd(level.ended, year, when.date)) return;
      lines.forEach(function (line, i) {
        for (var m of line.matchAll(rx(level.pattern, false, true))) {
          out.push(finding(i + 1, ERROR, say(rules, "ended",
            { name: m[0], label: level.label, ended: level.ended_text, year: year })));
        }
      });
    });
    lines.forEach(function (line, i) {
      if (i === when.line) return;
      for (var m of line.matchAll(rx(rules.deadline, false, true))) {
        if (parseInt(m[1], 10) !== year) {
          out.push(finding(i + 1, WARNING, say(rules, "deadline", { text: m[0], found: m[1], year: year })));
        }
      }
    });
    return out;
  }

  function form(lines, rules) {
    var out = [], last = 0;
    lines.forEach(function (line, i) { if (line) last = i; });
    rules.form.forEach(function (el) {
      var re = rx(el.pattern, el.case_sensitive);
      var ok = windowOf(lines, el.after, el.within).some(function (i) {
        return re.test(lines[i]) && (!el.uppercase || isUpper(lines[i]));
      });
      if (!ok) out.push(finding(el.where === "start" ? 1 : last + 1, ERROR, say(rules, "form", { label: el.label })));
    });
    return out;
  }

  function parts(lines, rules) {
    var titles = titleRange(lines, rules);
    if (!titles.length) return [];
    var title = titles.map(function (i) { return lines[i]; }).join(" ").toLowerCase();
    var type = rules.plan_types.find(function (t) {
      return t.match.some(function (m) { return title.indexOf(m.toLowerCase()) >= 0; });
    });
    if (!type) return [finding(titles[0] + 1, NOTE, say(rules, "no_type", {}))];
    var re = rx(rules.heading), headings = [];
    lines.forEach(function (line) { var m = re.exec(line); if (m) headings.push(m[1].toLowerCase()); });
    return type.parts.filter(function (part) {
      return !headings.some(function (h) {
        return part.names.some(function (name) { return h.indexOf(name.toLowerCase()) >= 0; });
      });
    }).map(function (part) {
      return finding(titles[0] + 1, WARNING, say(rules, "part", { heading: part.heading, type: type.name }));
    });
  }

  function phones(lines, rules) {
    var out = [];
    lines.forEach(function (line, i) {
      // The pattern is for NFKC text, as in Python (macros/model/text.py: PHONE_PATTERN).
      for (var m of line.normalize("NFKC").matchAll(rx(rules.phone, false, true))) {
        out.push(finding(i + 1, WARNING, say(rules, "phone", { masked: m[0].trim().slice(0, 4) + "…" })));
      }
    });
    return out;
  }

  function check(rawLines, rules) {
    var lines = cleanLines(rawLines, rules);
    var when = planWhen(lines, rules);
    var found = form(lines, rules).concat(parts(lines, rules), citations(lines, rules, when.year));
    if (when.year === null) found.push(finding(1, NOTE, say(rules, "no_year", {})));
    else found = found.concat(titleYear(lines, rules, when), dated(lines, rules, when));
    found = found.concat(phones(lines, rules));
    return found.sort(function (a, b) { return a.line - b.line; });
  }

  // ---------------------------------------------------------------- .docx

  function paragraphLines(p) {
    var lines = [""], all = p.getElementsByTagNameNS(W, "*");
    for (var k = 0; k < all.length; k++) {
      var name = all[k].localName;
      if (name === "t") lines[lines.length - 1] += all[k].textContent;
      else if (name === "tab") lines[lines.length - 1] += "\t";
      else if (name === "br" || name === "cr") lines.push("");
    }
    return lines;
  }
  function blockLines(parent) {
    var out = [];
    Array.prototype.forEach.call(parent.children, function (child) {
      if (child.namespaceURI !== W) return;
      if (child.localName === "p") out = out.concat(paragraphLines(child));
      else if (child.localName === "tbl") {
        Array.prototype.forEach.call(child.children, function (row) {
          if (row.namespaceURI !== W || row.localName !== "tr") return;
          Array.prototype.forEach.call(row.children, function (cell) {
            if (cell.namespaceURI === W && cell.localName === "tc") out = out.concat(blockLines(cell));
          });
        });
      } else if (child.localName === "sdt") {
        Array.prototype.forEach.call(child.children, function (c) {
          if (c.namespaceURI === W && c.localName === "sdtContent") out = out.concat(blockLines(c));
        });
      }
    });
    return out;
  }
  function docxLines(bytes) {
    var files = window.fflate.unzipSync(new Uint8Array(bytes), {
      filter: function (f) { return f.name === "word/document.xml"; }
    });
    var xml = files["word/document.xml"];
    if (!xml) throw new Error("tệp không có word/document.xml: không phải tệp .docx");
    var doc = new DOMParser().parseFromString(window.fflate.strFromU8(xml), "application/xml");
    var body = doc.getElementsByTagNameNS(W, "body")[0];
    if (!body) throw new Error("không đọc được nội dung tệp .docx");
    return blockLines(body);
  }

  window.draftCheck = { check: check, splitLines: splitLines, docxLines: docxLines };

  // ---------------------------------------------------------------- the page

  function setup() {
    var root = document.querySelector(".draft-check");
    if (!root || root.dataset.ready || !window.DRAFT_CHECK_RULES) return;
    root.dataset.ready = "1";
    root.hidden = false;
    var rules = window.DRAFT_CHECK_RULES;
    var text = root.querySelector("#draft-check-text");
    var file = root.querySelector("#draft-check-file");
    var summary = root.querySelector(".draft-check__summary");
    var list = root.querySelector(".draft-check__findings");

    function show(lines) {
      var found = check(lines, rules);
      list.textContent = "";
      var counts = {};
      counts[ERROR] = 0; counts[WARNING] = 0; counts[NOTE] = 0;
      found.forEach(function (f) {
        counts[f.level] += 1;
        var li = document.createElement("li");
        li.className = "draft-check__finding draft-check__finding--" + (f.level === ERROR ? "loi" : f.level === WARNING ? "canh-bao" : "ghi-chu");
        li.dataset.line = f.line;
        li.dataset.level = f.level;
        var where = document.createElement("span");
        where.className = "draft-check__where";
        where.textContent = "Dòng " + f.line;
        var level = document.createElement("strong");
        level.textContent = f.level;
        var message = document.createElement("span");
        message.className = "draft-check__message";
        message.textContent = f.message;
        li.append(where, " — ", level, ": ", message);
        list.appendChild(li);
      });
      summary.textContent = found.length
        ? "Có " + counts[ERROR] + " lỗi, " + counts[WARNING] + " cảnh báo, " + counts[NOTE] + " ghi chú."
        : "Không thấy vấn đề nào theo các quy tắc của trang.";
    }

    root.querySelector("form").addEventListener("submit", function (e) {
      e.preventDefault();
      show(splitLines(text.value));
    });
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f) return;
      var reader = new FileReader();
      var isDocx = /\.docx$/i.test(f.name);
      reader.onload = function () {
        try {
          var lines = isDocx ? docxLines(reader.result) : splitLines(new TextDecoder("utf-8").decode(reader.result));
          text.value = lines.join("\n");
          show(lines);
        } catch (err) {
          list.textContent = "";
          summary.textContent = "Không đọc được tệp " + f.name + ": " + err.message;
        }
      };
      reader.readAsArrayBuffer(f);
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else document.addEventListener("DOMContentLoaded", setup);
})();
