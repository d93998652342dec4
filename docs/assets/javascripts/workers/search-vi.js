/* Search worker for a Vietnamese site: Material for MkDocs' own search worker
 * (lunr), with diacritics folded on both sides, so that `khung bo` finds
 * "khủng bố" and `dien hinh` finds "điển hình".
 *
 * - Index: every word lunr indexes goes through foldToken (lowercase, no
 *   diacritics, đ -> d, punctuation trimmed). The tokenizer records where each
 *   word sits in the original text, so results still show accented titles and
 *   snippets, with the matched words highlighted.
 * - Query: the typed query is folded the same way before Material parses it.
 * - Document numbers such as "62/2023/NĐ-CP" or "894/CQTT" stay one word (the
 *   search separator in mkdocs.yml does not split at "/"), and each part after a
 *   slash is indexed too: `62/2023`, `2023/nd` and `cqtt` all find them.
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
  var QUERY = 2, RESULT = 3;

  function fold(value) {
    return value.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D");
  }

  var EDGES = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;

  function foldWord(word) {
    return fold(word).toLowerCase().replace(EDGES, "");
  }

  /* lunr pipeline functions. For the query: one token in, the folded token out
     (nothing for a token that is only punctuation). For the index: the same,
     plus the parts of a slashed number, all at the position of the whole. */
  function foldQueryToken(token) {
    token.update(foldWord);
    return token.toString() ? token : undefined;
  }

  function foldToken(token) {
    if (!foldQueryToken(token)) return undefined;
    var word = token.toString();
    if (word.indexOf("/") < 0) return token;
    var parts = word.split("/").filter(Boolean);
    var out = [token];
    var seen = new Set([word]);
    parts.forEach(function (part, i) {
      [part, parts.slice(i).join("/")].forEach(function (extra) {
        if (!seen.has(extra)) {
          seen.add(extra);
          out.push(token.clone(function () { return extra; }));
        }
      });
    });
    return out;
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

  /* Registered before Material's worker, so it sees each message first. */
  addEventListener("message", function (ev) {
    var message = ev.data;
    patchLunr();
    if (message && message.type === QUERY && typeof message.data === "string")
      message.data = fold(message.data);
  });

  /* Material reports which query terms each result matched; the page it links
     to highlights those words. Replace each folded term by the accented words
     it matched in the result, as highlighted in its title and text. */
  function accentedTerms(item) {
    var marked = [];
    [item.title, item.text].forEach(function (field) {
      var re = /<mark>([^<]*)<\/mark>/g, m;
      while ((m = re.exec(String(field || ""))) !== null) marked.push(m[1]);
    });
    var terms = {};
    Object.keys(item.terms || {}).forEach(function (term) {
      if (!item.terms[term]) { terms[term] = false; return; }
      var words = marked.filter(function (w) { return foldWord(w).indexOf(term) === 0; });
      if (!words.length) words = [term];
      words.forEach(function (w) { terms[w] = true; });
    });
    return terms;
  }

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items)
      message.data.items.forEach(function (group) {
        group.forEach(function (item) { item.terms = accentedTerms(item); });
      });
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
