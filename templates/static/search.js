/* digest search: loads search.json once and matches the query in the browser.
   Arabic is normalised exactly as digest.arabic.normalize_identity does when the index is
   built (alef forms, ya/alef maqsura, ta marbuta, hamza seats, diacritics, tatweel,
   Eastern digits, case), so «اربيل» finds «أربيل». No server, no external requests. */
(function () {
  "use strict";
  var FOLD = { "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي" };
  var MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;
  var EASTERN = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
  var MAX_RESULTS = 50;

  function normalise(text) {
    var out = "";
    text = text.normalize("NFC").replace(MARKS, "");
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      var d = EASTERN.indexOf(ch);
      out += d >= 0 ? String(d % 10) : (FOLD[ch] || ch);
    }
    return out.toLowerCase().replace(/_/g, " ").split(/\s+/).filter(Boolean).join(" ");
  }

  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var input = document.getElementById("q");
  if (!results || !input) { return; }
  var root = results.getAttribute("data-root") || "";
  var entries = null;

  function item(row) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = root + row[0];
    link.lang = "ar";
    link.dir = "rtl";
    link.textContent = row[1];
    li.appendChild(link);
    if (row[2]) {
      var en = document.createElement("span");
      en.lang = "en";
      en.dir = "ltr";
      en.className = "related-en";
      en.textContent = " " + row[2];
      li.appendChild(document.createTextNode(" "));
      li.appendChild(en);
    }
    var date = document.createElement("time");
    date.dateTime = row[3];
    date.textContent = " " + row[3];
    li.appendChild(date);
    return li;
  }

  function run() {
    var query = normalise(input.value || "");
    results.textContent = "";
    if (!query) { status.textContent = ""; return; }
    var words = query.split(" ");
    var found = entries.filter(function (row) {
      return words.every(function (w) { return row[4].indexOf(w) >= 0 || row[5].indexOf(w) >= 0; });
    });
    found.slice(0, MAX_RESULTS).forEach(function (row) { results.appendChild(item(row)); });
    status.textContent = found.length + " نتيجة · " + found.length + (found.length === 1 ? " result" : " results");
  }

  var params = new URLSearchParams(window.location.search);
  if (params.get("q")) { input.value = params.get("q"); }
  fetch(results.getAttribute("data-index"))
    .then(function (response) { return response.json(); })
    .then(function (data) {
      entries = data.entries;
      input.addEventListener("input", run);
      run();
    })
    .catch(function () { status.textContent = "Search index could not be loaded."; });
})();
