/* Copy buttons.
 *
 * - Plan-type pages: one "Sao chép" button on every block of sample wording
 *   (.plan-sample); it copies the wording without the "Nội dung mẫu" label.
 * - Plan pages: one "Sao chép" button on every Roman-numbered part (.plan-part,
 *   whose heading is an h2 inside .plan-doc) and, above the document, one
 *   "Sao chép toàn bộ kế hoạch" button that copies the whole plan in order:
 *   header, title, parts, recipients, signature.
 *
 * What is copied is plain text, one line per paragraph, list item or heading,
 * each list item led by the marker the page shows ("-", "+"); nothing of the
 * page around it (buttons, permalink signs, labels). The buttons are <button>
 * elements added here, so a page without JavaScript shows none, and they are
 * left out of printing (plan.css). After copying, the button reads "Đã sao chép"
 * for a moment and a status line tells screen readers the same.
 */
"use strict";

(function () {
  var COPY = "Sao chép";
  var COPIED = "Đã sao chép";
  var FAILED = "Không sao chép được";
  var COPY_PLAN = "Sao chép toàn bộ kế hoạch";
  var RESET_AFTER_MS = 2500;

  // Not copied: our buttons, Material's permalink signs and code-copy buttons,
  // labels of the sample boxes, the blank space for the signature.
  var SKIP = "button, .headerlink, .md-clipboard, .plan-sample__label, script, style, svg, [aria-hidden='true']";
  var BLOCK = /^(P|DIV|SECTION|ARTICLE|H[1-6]|UL|OL|LI|DL|DT|DD|TABLE|THEAD|TBODY|TR|BLOCKQUOTE|PRE|FIGURE|HR)$/;

  /* The marker a list item shows: a string marker ("-  ", "+  ") as written in
     the CSS, a number for a numbered list, nothing for an unmarked one. */
  function marker(li) {
    var style = getComputedStyle(li).listStyleType;
    if (getComputedStyle(li).display !== "list-item" || style === "none") return "";
    var quoted = /^["'](.*)["']$/.exec(style);
    if (quoted) return quoted[1].trim();
    if (style === "decimal") {
      var n = 1;
      for (var s = li.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === "LI") n++;
      return n + ".";
    }
    return "-";
  }

  /* Plain text of an element, one line per block. */
  function plainText(root) {
    var lines = [];
    var line = "";

    function flush() {
      var text = line.replace(/\s+/g, " ").trim();
      if (text) lines.push(text);
      line = "";
    }

    function walk(node) {
      if (node.nodeType === Node.TEXT_NODE) {
        line += node.data;
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE || node.matches(SKIP)) return;
      if (getComputedStyle(node).display === "none") return;
      if (node.tagName === "BR") {
        flush();
        return;
      }
      // "} (để b/c);" belongs at the end of the last line it groups.
      if (node.classList.contains("plan-recipients__note")) {
        flush();
        var note = node.textContent.replace(/\s+/g, " ").trim();
        if (lines.length) lines[lines.length - 1] += " " + note;
        else lines.push(note);
        return;
      }
      var block = BLOCK.test(node.tagName);
      if (block) flush();
      if (node.tagName === "LI") {
        var m = marker(node);
        if (m) line = m + " ";
      }
      if (node.tagName === "TD" || node.tagName === "TH") line += " ";
      for (var child = node.firstChild; child; child = child.nextSibling) walk(child);
      if (block) flush();
    }

    walk(root);
    flush();
    return lines.join("\n").normalize("NFC");
  }

  var status;

  function announce(message) {
    if (!status) {
      status = document.createElement("div");
      status.className = "plan-copy-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    // A new text node, a moment later, so that the same message is read again.
    setTimeout(function () { status.textContent = message; }, 50);
  }

  /* Write text to the clipboard: the Clipboard API where the page may use it
     (https, localhost, file), else a hidden text area and the copy command. */
  function writeClipboard(text) {
    if (navigator.clipboard && window.isSecureContext)
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "plan-copy-buffer";
      document.body.appendChild(area);
      var focused = document.activeElement;
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      if (focused && focused.focus) focused.focus();
      if (ok) resolve(); else reject(new Error("copy command refused"));
    });
  }

  /* A button "label" whose accessible name adds what it copies ("Sao chép phần
     I. MỤC ĐÍCH, YÊU CẦU"); it copies plainText(target()). */
  function copyButton(label, what, target, extraClass) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "plan-copy" + (extraClass ? " " + extraClass : "");
    var visible = document.createElement("span");
    visible.className = "plan-copy__label";
    visible.textContent = label;
    button.appendChild(visible);
    if (what) {
      var hidden = document.createElement("span");
      hidden.className = "plan-copy__what";
      hidden.textContent = " " + what;
      button.appendChild(hidden);
    }
    var timer;
    button.addEventListener("click", function () {
      var text = plainText(target());
      writeClipboard(text).then(function () {
        return [COPIED, COPIED + (what ? " " + what : "")];
      }, function () {
        return [FAILED, FAILED + (what ? " " + what : "")];
      }).then(function (messages) {
        visible.textContent = messages[0];
        button.classList.toggle("plan-copy--done", messages[0] === COPIED);
        announce(messages[1]);
        clearTimeout(timer);
        timer = setTimeout(function () {
          visible.textContent = label;
          button.classList.remove("plan-copy--done");
        }, RESET_AFTER_MS);
      });
    });
    return button;
  }

  function headingText(el) {
    return el ? plainText(el) : "";
  }

  function setUp() {
    document.querySelectorAll(".plan-sample").forEach(function (sample) {
      if (sample.querySelector(":scope > .plan-copy")) return;
      var heading = sample.previousElementSibling;
      while (heading && !/^H[2-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
      var what = "nội dung mẫu" + (heading ? " của mục " + headingText(heading) : "");
      sample.insertBefore(copyButton(COPY, what, function () { return sample; }), sample.firstChild);
    });

    document.querySelectorAll(".plan-doc").forEach(function (doc) {
      doc.querySelectorAll(".plan-part").forEach(function (part) {
        if (part.querySelector(":scope > .plan-copy")) return;
        var heading = part.querySelector("h2");
        var what = "phần " + headingText(heading);
        part.insertBefore(copyButton(COPY, what, function () { return part; }), part.firstChild);
      });
      var previous = doc.previousElementSibling;
      if (previous && previous.classList.contains("plan-tools")) return;
      var tools = document.createElement("div");
      tools.className = "plan-tools";
      tools.appendChild(copyButton(COPY_PLAN, "", function () { return doc; }, "plan-copy--all"));
      doc.parentNode.insertBefore(tools, doc);
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function")
    window.document$.subscribe(setUp);
  else
    setUp();
})();
