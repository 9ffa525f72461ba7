/* The page at "/": paste an article, see its quotes highlighted in their speakers' colours.
 *
 * Plain JavaScript, no build step. Talks to POST v1/quotes (a relative URL, so the page works
 * behind a path prefix). The API's offsets count Unicode code points; JavaScript strings count
 * UTF-16 units, so offsets are converted before slicing (see codeUnitOffsets). Article text only
 * ever reaches the DOM through textContent and text nodes, never as HTML.
 */
(function () {
  "use strict";

  var KEY_STORE = "quotes.apiKey";
  var PALETTE_SIZE = 10;         // colours .sp-0 ... .sp-9 in app.css; more speakers reuse them
  var UNATTRIBUTED = "unattributed";

  var state = {
    answer: null,      // the last 200 answer, as sent
    text: "",          // the exact text it answers
    filter: null,      // speaker id shown alone, "" for the unattributed quotes, null for all
    selected: null,    // id of the chosen quote
    pending: null,     // text waiting for an API key
    memoryKey: null    // the key, when sessionStorage is not available
  };

  function $(id) { return document.getElementById(id); }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  /* offsets[i] is the UTF-16 index of code point i of text; offsets[n] is text.length. */
  function codeUnitOffsets(text) {
    var offsets = [];
    var i = 0;
    while (i < text.length) {
      offsets.push(i);
      var unit = text.charCodeAt(i);
      var next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      // a high surrogate followed by a low one is one code point in two units
      i += (unit >= 0xD800 && unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) ? 2 : 1;
    }
    offsets.push(text.length);
    return offsets;
  }

  /* ---- the API key, kept for this tab's session ---- */

  function storedKey() {
    try { return window.sessionStorage.getItem(KEY_STORE) || state.memoryKey; }
    catch (e) { return state.memoryKey; }
  }

  function storeKey(key) {
    state.memoryKey = key;
    try { window.sessionStorage.setItem(KEY_STORE, key); } catch (e) { /* private mode: memory only */ }
  }

  function forgetKey() {
    state.memoryKey = null;
    try { window.sessionStorage.removeItem(KEY_STORE); } catch (e) { /* nothing stored */ }
  }

  function askForKey(text, message) {
    state.pending = text;
    $("key-reason").textContent = message || "This service needs an API key.";
    $("key-form").hidden = false;
    $("api-key").value = "";
    $("api-key").focus();
    setStatus("");
  }

  /* ---- messages ---- */

  function setStatus(message) { $("status").textContent = message; }

  function showError(message) {
    var box = $("error");
    box.textContent = message;
    box.hidden = !message;
  }

  function describeError(response, body) {
    var error = body && body.error;
    if (error && error.message) {
      var ref = error.request_id ? " Request id: " + error.request_id + "." : "";
      return error.message + " (" + response.status + " " + error.code + ")." + ref;
    }
    return "The service answered " + response.status + " " + (response.statusText || "") +
      " without an explanation.";
  }

  function setBusy(busy) {
    $("submit").disabled = busy;
    $("app").setAttribute("aria-busy", busy ? "true" : "false");
  }

  /* ---- asking the API ---- */

  function submit() {
    var text = $("article").value;
    showError("");
    setBusy(true);
    setStatus("Reading the article…");
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    var key = storedKey();
    if (key) { headers.Authorization = "Bearer " + key; }
    var response = null;
    fetch("v1/quotes", { method: "POST", headers: headers, body: JSON.stringify({ text: text }) })
      .then(function (r) {
        response = r;
        return r.json().catch(function () { return null; });
      })
      .then(function (body) {
        setBusy(false);
        if (response.status === 401) {
          forgetKey();
          askForKey(text, body && body.error ? body.error.message : null);
          return;
        }
        if (!response.ok) {
          setStatus("");
          showError(describeError(response, body));
          return;
        }
        render(text, body);
      })
      .catch(function (e) {
        setBusy(false);
        setStatus("");
        showError("Could not reach the service: " + (e && e.message ? e.message : e));
      });
  }

  /* ---- drawing the answer ---- */

  function speakerName(name) { return name ? name : UNATTRIBUTED; }

  function colourClass(answer) {
    var index = {};
    answer.speakers.forEach(function (s, i) { index[s.id] = "sp-" + (i % PALETTE_SIZE); });
    return function (speakerId) { return speakerId && index[speakerId] ? index[speakerId] : "sp-none"; };
  }

  function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

  function render(text, answer) {
    state.answer = answer;
    state.text = text;
    state.filter = null;
    state.selected = null;
    var colour = colourClass(answer);
    var offsets = codeUnitOffsets(text);
    var at = function (codePoint) { return offsets[Math.min(codePoint, offsets.length - 1)]; };

    var view = $("article-view");
    view.textContent = "";
    var quotes = answer.quotes.slice().sort(function (a, b) { return a.start - b.start; });
    var position = 0;
    quotes.forEach(function (q) {
      var start = at(q.start), end = at(q.end);
      if (start < position) { return; }  // overlapping answers are not drawn twice
      view.appendChild(document.createTextNode(text.slice(position, start)));
      var mark = el("mark", "q " + colour(q.speaker.id), text.slice(start, end));
      mark.dataset.quote = q.id;
      mark.dataset.speaker = q.speaker.id || "";
      mark.tabIndex = 0;
      mark.setAttribute("role", "button");
      mark.setAttribute("aria-pressed", "false");
      mark.title = speakerName(q.speaker.name);
      view.appendChild(mark);
      position = end;
    });
    view.appendChild(document.createTextNode(text.slice(position)));

    drawSpeakers(answer, colour);
    drawDetail(null);
    var meta = answer.meta || {};
    $("summary").textContent = plural(answer.quotes.length, "quote", "quotes") + ", " +
      plural(answer.speakers.length, "speaker", "speakers") +
      (meta.model ? " · " + meta.model : "") +
      (meta.elapsed_ms !== undefined ? " · " + meta.elapsed_ms + " ms" : "");
    $("results").hidden = false;
    setStatus(answer.quotes.length ? "Found " + plural(answer.quotes.length, "quote", "quotes") + "."
      : "No quotes found in this article.");
  }

  function drawSpeakers(answer, colour) {
    var list = $("speakers");
    list.textContent = "";
    var rows = answer.speakers.map(function (s) {
      var count = answer.quotes.filter(function (q) { return q.speaker.id === s.id; }).length;
      return { id: s.id, name: s.name, role: s.role, affiliation: s.affiliation, count: count };
    });
    var unattributed = answer.quotes.filter(function (q) { return !q.speaker.id; }).length;
    if (unattributed) {
      rows.push({ id: "", name: null, role: null, affiliation: null, count: unattributed });
    }
    rows.forEach(function (row) {
      var button = el("button", "speaker");
      button.type = "button";
      button.dataset.speaker = row.id;
      button.setAttribute("aria-pressed", "false");
      button.appendChild(el("span", "swatch " + colour(row.id)));
      var words = el("span", "who");
      words.appendChild(el("span", "name", speakerName(row.name)));
      var about = [row.role, row.affiliation].filter(Boolean).join(", ");
      if (about) { words.appendChild(el("span", "about", about)); }
      button.appendChild(words);
      button.appendChild(el("span", "count", plural(row.count, "quote", "quotes")));
      var item = el("li");
      item.appendChild(button);
      list.appendChild(item);
    });
    if (!rows.length) { list.appendChild(el("li", "hint", "No speakers.")); }
    $("show-all").hidden = true;
  }

  function applyFilter(speakerId) {
    state.filter = speakerId;
    var marks = $("article-view").querySelectorAll("mark.q");
    Array.prototype.forEach.call(marks, function (m) {
      m.classList.toggle("dim", speakerId !== null && m.dataset.speaker !== speakerId);
    });
    var buttons = $("speakers").querySelectorAll("button.speaker");
    var chosen = null;
    Array.prototype.forEach.call(buttons, function (b) {
      var on = speakerId !== null && b.dataset.speaker === speakerId;
      b.setAttribute("aria-pressed", on ? "true" : "false");
      if (on) { chosen = b; }
    });
    $("show-all").hidden = speakerId === null;
    if (speakerId === null) {
      setStatus("Showing every quote.");
    } else if (chosen) {
      setStatus("Showing only the quotes of " + chosen.querySelector(".name").textContent + ".");
    }
  }

  function field(list, label, value) {
    list.appendChild(el("dt", null, label));
    list.appendChild(el("dd", value ? null : "none", value || "none given"));
  }

  function drawDetail(quote) {
    var box = $("detail");
    box.textContent = "";
    if (!quote) {
      box.appendChild(el("p", "hint", "Choose a highlighted quote (click it, or Tab to it and press Enter)."));
      return;
    }
    box.appendChild(el("blockquote", "chosen", quote.text));
    var list = el("dl");
    var who = quote.speaker;
    var about = [who.role, who.affiliation].filter(Boolean).join(", ");
    field(list, "Said by", speakerName(who.name) + (about ? " (" + about + ")" : ""));
    field(list, "Claim", quote.claim && quote.claim.text);
    field(list, "Event", quote.event && quote.event.text);
    field(list, "Cue", quote.cue && quote.cue.text);
    field(list, "Kind", quote.kind + (quote.continues ? ", continues " + quote.continues : ""));
    field(list, "Rule", quote.rule + " (confidence " + quote.confidence + ")");
    box.appendChild(list);
  }

  function select(mark) {
    var quote = null;
    state.answer.quotes.forEach(function (q) { if (q.id === mark.dataset.quote) { quote = q; } });
    var marks = $("article-view").querySelectorAll("mark.q");
    Array.prototype.forEach.call(marks, function (m) {
      var on = m === mark;
      m.classList.toggle("selected", on);
      m.setAttribute("aria-pressed", on ? "true" : "false");
    });
    state.selected = quote ? quote.id : null;
    drawDetail(quote);
  }

  /* ---- copy JSON ---- */

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // plain http on a newsroom host is not a secure context: fall back to a hidden textarea
    return new Promise(function (resolve, reject) {
      var area = el("textarea", "offscreen");
      area.value = text;
      area.setAttribute("readonly", "");
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("the browser refused to copy")); }
    });
  }

  /* ---- wiring ---- */

  function start() {
    $("article-form").addEventListener("submit", function (event) {
      event.preventDefault();
      submit();
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !$("key-form").contains(event.target)) {
        event.preventDefault();
        submit();
      } else if (event.key === "Escape" && state.filter !== null) {
        applyFilter(null);
      }
    });

    $("key-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var key = $("api-key").value.trim();
      if (!key) { $("api-key").focus(); return; }
      storeKey(key);
      $("key-form").hidden = true;
      var text = state.pending;
      state.pending = null;
      $("article").value = text === null ? $("article").value : text;
      submit();
    });
    $("key-cancel").addEventListener("click", function () {
      $("key-form").hidden = true;
      state.pending = null;
      showError("No API key given: the article was not sent.");
      $("article").focus();
    });

    var view = $("article-view");
    view.addEventListener("click", function (event) {
      var mark = event.target.closest ? event.target.closest("mark.q") : null;
      if (mark) { select(mark); }
    });
    view.addEventListener("keydown", function (event) {
      var mark = event.target.closest ? event.target.closest("mark.q") : null;
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        select(mark);
      }
    });

    $("speakers").addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button.speaker") : null;
      if (!button) { return; }
      var id = button.dataset.speaker;
      applyFilter(state.filter === id ? null : id);
    });
    $("show-all").addEventListener("click", function () { applyFilter(null); });

    $("copy-json").addEventListener("click", function () {
      if (!state.answer) { return; }
      copyText(JSON.stringify(state.answer, null, 2)).then(
        function () { setStatus("JSON copied to the clipboard."); },
        function (e) { showError("Could not copy: " + e.message); });
    });
  }

  // For tests and the curious: the offset conversion the page relies on.
  window.quotesPage = { codeUnitOffsets: codeUnitOffsets };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
