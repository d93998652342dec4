/* Material's search box runs a query on each key released (keyup). Text that
   arrives without one, pasted with the mouse or composed by an input method
   (Vietnamese Telex/VNI on some systems), would not be searched: tell Material
   on every input event as well. Diacritics are folded in the search worker
   (workers/search-vi.js). */
"use strict";

document.addEventListener("input", function (ev) {
  var el = ev.target;
  if (el instanceof HTMLInputElement && el.matches("[data-md-component='search-query']"))
    el.dispatchEvent(new KeyboardEvent("keyup"));
});
