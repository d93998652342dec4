/* Search worker for a Vietnamese site: Material for MkDocs' own search worker
 * (lunr), with diacritics folded on both sides and results ranked for
 * Vietnamese, where a word is several syllables ("công an xã" is three tokens
 * that mean one thing only together).
 *
 * - Index: every word lunr indexes goes through foldToken (lowercase, no
 *   diacritics, đ -> d, punctuation trimmed). The tokenizer records where each
 *   word sits in the original text, so results still show accented titles, with
 *   the matched words highlighted.
 * - Query: the typed query is folded the same way before Material parses it. A
 *   number typed alone ("6") is searched as that whole number: it no longer
 *   prefix-matches "62/2023"; "62/" or "62/2023" still do.
 * - Document numbers such as "62/2023/NĐ-CP" or "894/CQTT" stay one word (the
 *   search separator in mkdocs.yml does not split at "/"), and each part after a
 *   slash is indexed too: `62/2023`, `2023/nd` and `cqtt` all find them.
 * - Ranking: lunr (Material) finds the candidates; this worker ranks them again,
 *   reading each section's own text and title (kept from the index Material is
 *   given). In this order it prefers sections that hold every query term, hold
 *   them next to each other in the query's order (the phrase), hold them in the
 *   section's heading or the page's title; lunr's score breaks ties. A page is
 *   ranked by its best section. Abbreviations (UBND, MTTQ, PCKB...) count as
 *   their words spelled out; a word typed with diacritics is a whole-word match
 *   only with the same diacritics (typed without, any spelling is).
 * - Snippets: a result shows the passage of the section where the terms are
 *   (the phrase, else the densest group of terms), not the section's beginning.
 * - Result links carry the matched accented words (not the folded query), so
 *   the page opened from a result highlights them (feature search.highlight).
 *
 * overrides/main.html points Material's "search" setting at this file and passes
 * Material's worker file name as ?material=…; it is loaded from here. On file://
 * Material runs workers inside an iframe (iframe-worker shim): there, scripts
 * load asynchronously and this file's own address is its <script> element's.
 */
"use strict";

(function () {
  // Material's message types (src/.../search/worker/message): SETUP, READY, QUERY, RESULT.
  var SETUP = 0, QUERY = 2, RESULT = 3;

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
  var NUMBER = /^\d+$/;

  function foldWord(word) {
    return fold(word).toLowerCase().replace(EDGES, "");
  }

  /* A query word keeps a slash typed after it: `62/` is the start of a document
     number (62/2023/NĐ-CP), unlike `62`, which is the number 62 only. */
  function foldQueryWord(word) {
    var folded = fold(word).toLowerCase();
    var slash = /[\p{L}\p{N}]\/[^\p{L}\p{N}]*$/u.test(folded);
    folded = folded.replace(EDGES, "");
    return folded && slash ? folded + "/" : folded;
  }

  /* The diacritics of a word, wherever they sit: "hòa" and "hoà", "thủy" and
     "thuỷ" have the same ("" for a word written without any). */
  function accents(word) {
    return Array.from(word.toLowerCase().normalize("NFD").replace(/đ/g, "d\u0111"))
      .filter(function (c) { return /[\u0300-\u036f\u0111]/.test(c); }).sort().join("");
  }

  /* The words lunr indexes for one word of the text: itself and, for a slashed
     number, its parts and what follows each slash. */
  function variants(word) {
    if (word.indexOf("/") < 0) return [word];
    var parts = word.split("/").filter(Boolean);
    var out = [word];
    parts.forEach(function (part, i) {
      [part, parts.slice(i).join("/")].forEach(function (extra) {
        if (out.indexOf(extra) < 0) out.push(extra);
      });
    });
    return out;
  }

  /* lunr pipeline functions. For the query: one token in, the folded token out
     (nothing for a token that is only punctuation). For the index: the folded
     token plus the parts of a slashed number, all at the position of the whole. */
  function foldQueryToken(token) {
    token.update(foldQueryWord);
    return token.toString() ? token : undefined;
  }

  function foldToken(token) {
    token.update(foldWord);
    var word = token.toString();
    if (!word) return undefined;
    return variants(word).map(function (extra, i) {
      return i === 0 ? token : token.clone(function () { return extra; });
    });
  }

  var patched = false;

  /* Make every lunr index built from now on use foldToken, and only it: lunr's
     Vietnamese support trims digits off words ("62/2023" would vanish) and
     English stemming would alter Vietnamese words. */
  function patchLunr() {
    if (patched || typeof self.lunr === "undefined") return;
    var lunr = self.lunr;
    lunr.Pipeline.registerFunction(foldToken, "foldVietnamese");
    lunr.Pipeline.registerFunction(foldQueryToken, "foldVietnameseQuery");
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (!this.foldVietnamese) {
        this.foldVietnamese = true;
        this.pipeline.reset();
        this.pipeline.add(foldToken);
        this.searchPipeline.reset();
        this.searchPipeline.add(foldQueryToken);
      }
      return add.call(this, doc, attributes);
    };
    /* A query may match a number and one of its parts ("2023" and "2023/nd"),
       which share a position; Material would highlight that place twice. lunr
       shares some of these metadata objects with the index: replace, never
       change them. */
    var query = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (fn) {
      var results = query.call(this, fn);
      results.forEach(function (result) {
        var seen = {};
        var metadata = result.matchData.metadata;
        Object.keys(metadata).forEach(function (term) {
          Object.keys(metadata[term]).forEach(function (field) {
            var data = metadata[term][field];
            if (!Array.isArray(data.position)) return;
            var done = seen[field] || (seen[field] = new Set());
            metadata[term][field] = Object.assign({}, data, {
              position: data.position.filter(function (p) {
                if (done.has(p)) return false;
                done.add(p);
                return true;
              })
            });
          });
        });
      });
      return results;
    };
    patched = true;
  }

  /* ------------------------------------------------------------ the index text */

  var separator = null;       // the site's search separator (mkdocs.yml), global
  var documents = new Map();  // location -> search document (location, title, text)
  var prepared = new Map();   // location -> its words, folded (see prepare)

  var ENTITIES = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " " };

  /* A section's text as it reads: the index holds HTML (paragraphs, lists, code). */
  function plainText(html) {
    return String(html || "")
      .replace(/<[^>]*>/g, " ")
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, function (all, name) {
        if (name[0] === "#")
          return String.fromCodePoint(name[1] === "x" || name[1] === "X"
            ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
        return ENTITIES[name.toLowerCase()] || all;
      })
      .replace(/\s+/g, " ")
      .trim();
  }

  /* Abbreviations of the site's texts, spelled out when ranking: `uy ban nhan
     dan xa` finds "UBND xã" as a phrase, and `ubnd xa` finds "Ủy ban nhân dân xã". */
  var ABBREVIATIONS = {
    ubnd: "uy ban nhan dan", hdnd: "hoi dong nhan dan", mttq: "mat tran to quoc",
    pckb: "phong chong khung bo", bcd: "ban chi dao", bca: "bo cong an",
    bchqs: "ban chi huy quan su", antq: "an ninh to quoc", bvantq: "bao ve an ninh to quoc",
    antt: "an ninh trat tu", nhnn: "ngan hang nha nuoc", ttg: "thu tuong"
  };

  /* A word of the text, folded, once per spelling: the site has a few thousand
     spellings in some tens of thousands of words. */
  var spellings = new Map();
  function spelling(raw) {
    var known = spellings.get(raw);
    if (known) return known;
    var word = foldWord(raw);
    var lead = raw.length - raw.replace(/^[^\p{L}\p{N}]+/u, "").length;
    var trail = raw.length - raw.replace(/[^\p{L}\p{N}]+$/u, "").length;
    var marks = accents(raw.slice(lead, raw.length - trail));
    known = {
      word: word, lead: lead, trail: trail, accents: marks,
      key: word + " " + marks, forms: variants(word)
    };
    spellings.set(raw, known);
    return known;
  }

  /* The words of a text as lunr indexes them (same separator, same folding),
     each with where it stands in the text, without the punctuation around it. */
  function words(text) {
    var out = [];
    var sep = new RegExp(separator.source, "g");
    var start = 0, match;
    function emit(from, until) {
      var raw = text.slice(from, until);
      var known = spelling(raw);
      var word = known.word;
      if (!word) return;
      var start = from + known.lead, end = until - known.trail;
      var full = ABBREVIATIONS.hasOwnProperty(word) ? ABBREVIATIONS[word].split(" ") : null;
      if (!full) {
        out.push({ word: word, key: known.key, forms: known.forms, accents: known.accents, start: start, end: end });
        return;
      }
      // the words spelled out stand where the abbreviation stands; the first one
      // also answers to the abbreviation itself (and to its beginning, being typed)
      full.forEach(function (part, i) {
        out.push({ word: part, key: i ? part : part + " " + word, forms: i ? [part] : [part, word], accents: null, start: start, end: end });
      });
    }
    while ((match = sep.exec(text)) !== null) {
      if (match.index > start) emit(start, match.index);
      start = match.index + match[0].length;
      if (match[0].length === 0) sep.lastIndex++;
    }
    if (start < text.length) emit(start, text.length);
    return out;
  }

  function prepare(location) {
    var entry = prepared.get(location);
    if (entry) return entry;
    var doc = documents.get(location);
    if (!doc) return null;
    var text = plainText(doc.text), heading = plainText(doc.title);
    entry = { title: words(heading), titleText: heading, text: text, words: words(text) };
    prepared.set(location, entry);
    return entry;
  }

  /* ------------------------------------------------------------------ ranking */

  /* The query's terms, folded as lunr's search pipeline folds them, an
     abbreviation spelled out; terms.spelled lists where (from, length), and
     terms.accents the diacritics of each term as typed (null: typed without any,
     so that any diacritics match). */
  function queryTerms(query) {
    var terms = [];
    terms.spelled = [];
    terms.accents = [];
    query.split(/\s+/).forEach(function (part) {
      part.split(separator).forEach(function (piece) {
        var typed = String(piece || "").replace(/^[+-]+|[*~^]\d*$/g, "");
        var term = foldQueryWord(typed);
        if (ABBREVIATIONS.hasOwnProperty(term)) {
          var full = ABBREVIATIONS[term].split(" ");
          terms.spelled.push({ from: terms.length, length: full.length, abbreviation: term });
          terms.push.apply(terms, full);
          full.forEach(function () { terms.accents.push(null); });
        } else if (term) {
          terms.push(term);
          terms.accents.push(accents(typed) || null);
        }
      });
    });
    return terms;
  }

  /* How a word of the text matches a term: 2 the same word (or part of a slashed
     number), 1 the term starts it, 0 not at all. A number typed alone matches
     only itself: `6` is not the start of 62/2023. A term typed with diacritics
     is the same word only with the same diacritics: `báo` is "báo", while
     "bảo" counts as 1, as a word it only begins would. */
  function strength(term, marks, word) {
    var numeric = NUMBER.test(term), best = 0;
    for (var i = 0; i < word.forms.length; i++) {
      var form = word.forms[i];
      if (form === term)
        return marks === null || word.accents === null || word.accents === marks ? 2 : 1;
      if (!numeric && form.lastIndexOf(term, 0) === 0) best = 1;
    }
    return best;
  }

  /* One field (a title or a text) against the terms: which terms it holds, which
     pairs of consecutive terms stand next to each other in it, and its longest
     run of consecutive terms in the query's order (and where that run starts).
     Inside a run, every term but the last must be a whole word. */
  function analyse(field, terms, cache) {
    var n = terms.length;
    var present = new Array(n).fill(0), pairs = new Array(Math.max(n - 1, 0)).fill(false);
    var matrix = field.map(function (word) {
      var row = cache.get(word.key);
      if (!row) {
        row = terms.map(function (term, i) { return strength(term, terms.accents[i], word); });
        cache.set(word.key, row);
      }
      return row;
    });
    function linked(s, i) { return s === 2 || (s === 1 && i === n - 1); }
    var run = 0, at = -1, chunked = new Array(n).fill(n === 1), hits = 0;
    for (var p = 0; p < matrix.length; p++) {
      for (var i = 0; i < n; i++) {
        var s = matrix[p][i];
        if (s > present[i]) present[i] = s;
        if (i < n - 1 && s === 2 && p + 1 < matrix.length && linked(matrix[p + 1][i + 1], i + 1))
          pairs[i] = true;
        if (!s) continue;
        var k = 1;
        if (linked(s, i))
          while (i + k < n && p + k < matrix.length && linked(matrix[p + k][i + k], i + k)) k++;
        if (k > run) { run = k; at = p; }
        if (k > 1) for (var j = i; j < i + k; j++) chunked[j] = true;
      }
    }
    matrix.forEach(function (row) { hits += row.some(function (s) { return s > 0; }); });
    return {
      present: present, pairs: pairs, run: run, at: at, matrix: matrix,
      // terms that stand in the field next to the query's term before or after
      // them (all of a one-term query): "nhiệm vụ" and "công an xã", not "xã" alone
      chunked: chunked.map(function (c, i) { return c && present[i] > 0; }),
      // share of the field's words that match a term (smoothed: short fields do
      // not win by their length alone)
      density: hits / (matrix.length + 12)
    };
  }

  /* Share of a title's words that are query terms: "Công an xã" is all about
     `cong an xa`, "Thời hạn báo cáo năm 2026" only partly about `bao cao`. */
  function cover(result) {
    if (!result.matrix.length) return 0;
    return result.matrix.filter(function (row) {
      return row.some(function (s) { return s > 0; });
    }).length / result.matrix.length;
  }

  function rank(item, terms, cache, best) {
    var n = terms.length;
    var page = item.location.split("#")[0];
    var own = prepare(item.location);
    if (!own || !n) return { score: item.score / best };
    var title = analyse(own.title, terms, cache);
    var text = analyse(own.words, terms, cache);
    var fields = [title, text];
    var titles = [title];
    if (page !== item.location) {
      var parent = prepare(page);
      if (parent) {
        var context = analyse(parent.title, terms, cache);
        fields.push(context);
        titles.push(context);
      }
    }
    var present = 0, exact = 0, inTitle = 0, titleChunks = 0, pairs = 0, run = 0;
    for (var i = 0; i < n; i++) {
      var s = Math.max.apply(null, fields.map(function (f) { return f.present[i]; }));
      present += s > 0;
      exact += s === 2 || (s === 1 && i === n - 1);
      inTitle += titles.some(function (f) { return f.present[i] > 0; });
      titleChunks += titles.some(function (f) { return f.chunked[i]; });
      if (i < n - 1 && fields.some(function (f) { return f.pairs[i]; })) pairs++;
    }
    fields.forEach(function (f) { run = Math.max(run, f.run); });
    var adjacency = n > 1 ? pairs / (n - 1) : +(present > 0);
    var phrase = n > 1 ? Math.max(run - 1, 0) / (n - 1) : +(present > 0);
    // The query said in the section's titles, in words: `nhiem vu cong an xa`
    // is heading "Nhiệm vụ thường xuyên" of page "Công an xã". As good as a phrase.
    if (titleChunks === n) adjacency = phrase = 1;
    var titleCover = Math.max.apply(null, titles.map(cover));
    var score =
      1000 * (present === n) +      // every term (else: as many as possible)
      100 * present / n +
      20 * exact / n +              // whole words rather than word beginnings
      80 * adjacency +              // terms next to each other, in order
      80 * phrase +                 // ... the whole query as one phrase
      40 * titleChunks / n +        // in the heading or the page title, as words
      10 * inTitle / n +            // ... or as syllables anywhere in them
      20 * titleCover +
      20 * text.density +           // a section about the terms, not one mention
      10 * item.score / best;       // lunr's own score breaks ties
    return { score: score, text: text, title: title, own: own };
  }

  /* ----------------------------------------------------------------- snippets */

  var BEFORE = 8, LENGTH = 40;  // words shown before the passage, in all

  function escapeHTML(value) {
    return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;");
  }

  /* Which words of a field are marked: whole words matching a term, and words
     the last term begins (it may still be being typed) unless the result holds
     that term as a whole word too. A term from a spelled-out abbreviation marks
     words only where all its words stand in a row: `ubnd` marks "UBND" and
     "Ủy ban nhân dân", not "dân" of "toàn dân". */
  function markedWords(rows, terms, whole) {
    var n = terms.length, spelled = new Array(n).fill(false);
    function shown(s, i) { return s === 2 || (s === 1 && i === n - 1 && !whole); }
    terms.spelled.forEach(function (group) {
      for (var j = 0; j < group.length; j++) spelled[group.from + j] = true;
    });
    var marks = rows.map(function (row) {
      return row.some(function (s, i) { return !spelled[i] && shown(s, i); });
    });
    terms.spelled.forEach(function (group) {
      for (var p = 0; p + group.length <= rows.length; p++) {
        var all = true;
        for (var j = 0; j < group.length && all; j++) all = shown(rows[p + j][group.from + j], group.from + j);
        if (all) for (j = 0; j < group.length; j++) marks[p + j] = true;
      }
    });
    return marks;
  }

  /* The passage to show: where the longest phrase of the query starts, else
     the stretch of LENGTH words whose marked words hold the most terms. */
  function passage(analysis, marks, n) {
    var rows = analysis.matrix;
    if (analysis.run >= 2 || rows.length <= LENGTH) return analysis.run >= 1 ? analysis.at : 0;
    var bestAt = 0, bestCount = 0;
    for (var p = 0; p < rows.length; p++) {
      if (!marks[p]) continue;
      var seen = new Set();
      for (var q = p; q < Math.min(rows.length, p + LENGTH - BEFORE); q++)
        if (marks[q]) for (var i = 0; i < n; i++) if (rows[q][i]) seen.add(i);
      if (seen.size > bestCount) { bestCount = seen.size; bestAt = p; }
    }
    return bestAt;
  }

  /* The text of words first..last with the marked words in <mark>. */
  function highlight(text, list, marks, first, last) {
    var html = "", cursor = list[first].start;
    for (var p = first; p <= last; p++) {
      var word = list[p];
      // an abbreviation (several words at one place) is marked when all the words
      // it stands for are: "HĐND" is not marked for `nhan dan` alone
      var marked = marks[p];
      while (p + 1 < list.length && list[p + 1].start === word.start) marked = marks[++p] && marked;
      if (!marked) continue;
      html += escapeHTML(text.slice(cursor, word.start)) +
        "<mark>" + escapeHTML(text.slice(word.start, word.end)) + "</mark>";
      cursor = word.end;
    }
    return html + escapeHTML(text.slice(cursor, list[last].end));
  }

  function snippet(own, analysis, terms, whole) {
    var list = own.words;
    if (!list.length) return "";
    var marks = markedWords(analysis.matrix, terms, whole);
    var at = passage(analysis, marks, terms.length);
    // a passage near the beginning is shown from the beginning
    var first = at < LENGTH / 2 ? 0 : at - BEFORE;
    var last = Math.min(list.length, first + LENGTH) - 1;
    if (last - first + 1 < LENGTH) first = Math.max(0, last + 1 - LENGTH);
    var html = highlight(own.text, list, marks, first, last);
    if (list[first].start > 0) html = "… " + html;
    if (list[last].end < own.text.length) html += " …";
    return "<p>" + html + "</p>";
  }

  /* The title, whole, marked as snippets are. */
  function titleHTML(own, analysis, terms, whole) {
    var list = own.title;
    if (!list.length) return escapeHTML(own.titleText);
    var text = own.titleText;
    return escapeHTML(text.slice(0, list[0].start)) +
      highlight(text, list, markedWords(analysis.matrix, terms, whole), 0, list.length - 1) +
      escapeHTML(text.slice(list[list.length - 1].end));
  }

  var holds = new WeakMap();  // result item -> the query terms its section holds

  /* Rank Material's result again: every section by itself, each page by its best
     section, pages in that order (Material's order breaks ties). */
  function rerank(data, query) {
    if (!separator || !data || !Array.isArray(data.items)) return;
    var terms = queryTerms(query);
    var items = [].concat.apply([], data.items);
    if (!terms.length || !items.length) return;
    var best = Math.max.apply(null, items.map(function (item) { return item.score; })) || 1;
    var cache = new Map();
    data.items = data.items.map(function (group, order) {
      group.forEach(function (item) {
        var ranked = rank(item, terms, cache, best);
        item.score = ranked.score;
        if (!ranked.own) return;
        var n = terms.length;
        var whole = ranked.title.present[n - 1] === 2 || ranked.text.present[n - 1] === 2;
        item.title = titleHTML(ranked.own, ranked.title, terms, whole);
        if (item.text) item.text = snippet(ranked.own, ranked.text, terms, whole);
        // the terms the section holds, abbreviations included (for accentedTerms)
        var held = new Set();
        terms.forEach(function (term, i) {
          if (ranked.title.present[i] || ranked.text.present[i]) held.add(term);
        });
        terms.spelled.forEach(function (group) {
          if (terms.slice(group.from, group.from + group.length).every(function (t) { return held.has(t); }))
            held.add(group.abbreviation);
        });
        holds.set(item, held);
      });
      group.sort(function (a, b) { return b.score - a.score; });
      return { group: group, order: order };
    }).sort(function (a, b) {
      return b.group[0].score - a.group[0].score || a.order - b.order;
    }).map(function (entry) { return entry.group; });
  }

  /* --------------------------------------------------------------- messages */

  var pending = [];  // queries sent to Material's worker, oldest first

  /* Registered before Material's worker, so it sees each message first. */
  addEventListener("message", function (ev) {
    var message = ev.data;
    patchLunr();
    if (!message) return;
    if (message.type === SETUP && message.data) {
      separator = new RegExp(message.data.config.separator);
      documents = new Map();
      prepared = new Map();
      (message.data.docs || []).forEach(function (doc) { documents.set(doc.location, doc); });
      // read every section now, while Material builds its index, rather than on
      // the first key typed
      documents.forEach(function (doc, location) { prepare(location); });
    }
    if (message.type === QUERY && typeof message.data === "string") {
      var typed = message.data;
      message.data = fold(message.data);
      pending.push({ typed: typed, folded: message.data });
      // A number typed alone is one whole number: `6^1` has no wildcard added by
      // Material (a boost of 1 changes nothing), so lunr matches 6 and not 62/2023.
      message.data = message.data.split(/(\s+)/).map(function (part) {
        return NUMBER.test(part.replace(EDGES, "")) && part.indexOf("/") < 0
          && !/^[+-]|[*~^]/.test(part) ? part.replace(EDGES, "") + "^1" : part;
      }).join("");
    }
  });

  /* Material reports which query terms each result matched; the page it links
     to highlights those words. Replace each folded term by the accented words
     it matched in the result, as highlighted in its title and text. */
  function accentedTerms(item, typed) {
    var marked = [];
    [item.title, item.text].forEach(function (field) {
      var re = /<mark>([^<]*)<\/mark>/g, m;
      while ((m = re.exec(String(field || ""))) !== null) marked.push(m[1]);
    });
    var terms = {};
    Object.keys(item.terms || {}).forEach(function (term) {
      // a word the result lacks is listed as the user typed it; lunr may miss a
      // word the section holds as an abbreviation (`uy ban` in "UBND")
      var held = holds.get(item);
      if (!item.terms[term] && !(held && held.has(term))) {
        terms[typed.get(term) || term] = false;
        return;
      }
      var words = marked.filter(function (w) {
        return variants(foldWord(w)).some(function (form) { return form.indexOf(term) === 0; });
      });
      if (!words.length) words = [term];
      words.forEach(function (w) { terms[w] = true; });
    });
    return terms;
  }

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data) {
      var query = pending.length ? pending.shift() : { typed: "", folded: "" };
      rerank(message.data, query.typed);
      var typed = new Map();
      query.typed.split(/\s+/).forEach(function (part) {
        part.split(separator || /\s+/).forEach(function (word) {
          var bare = String(word || "").replace(EDGES, "");
          if (bare) typed.set(foldQueryWord(bare), bare);
        });
      });
      (message.data.items || []).forEach(function (group) {
        group.forEach(function (item) { item.terms = accentedTerms(item, typed); });
      });
    }
    return post.apply(self, arguments);
  };

  var here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href;
  var material = new URL(here).searchParams.get("material");
  if (!material)
    throw new Error("search-vi.js: ?material=<Material's search worker file> is missing");
  var loaded = importScripts(new URL(material, here).href);
  if (loaded && typeof loaded.then === "function") loaded.then(patchLunr);
  else patchLunr();
})();
