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

  // One result: an Arabic line (headline, date) and an English line (headline, or what is
  // pending), each a block of its own direction, so neither runs into the other's line.
  function line(lang, dir, className) {
    var block = document.createElement("p");
    block.lang = lang;
    block.dir = dir;
    block.className = className;
    return block;
  }

  function item(row) {
    var li = document.createElement("li");
    var arabic = line("ar", "rtl", "result-ar");
    var link = document.createElement("a");
    link.href = root + row[0];
    link.textContent = row[1];
    arabic.appendChild(link);
    var date = document.createElement("time");
    date.dateTime = row[3];
    date.dir = "ltr";  // isolated: 2018-08-11 stays in order inside the right-to-left line
    date.textContent = row[3];
    arabic.appendChild(document.createTextNode(" "));
    arabic.appendChild(date);
    li.appendChild(arabic);
    var english = line("en", "ltr", "result-en");
    if (row[2]) {
      var englishLink = document.createElement("a");
      englishLink.href = root + row[0];
      englishLink.textContent = row[2];
      english.appendChild(englishLink);
    } else {
      english.className += " pending";
      english.textContent = "English translation pending";
    }
    li.appendChild(english);
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
    // Arabic count, then the English one isolated left-to-right ("3 results", not "results 3").
    status.textContent = "";
    var countAr = document.createElement("span");
    countAr.lang = "ar";
    countAr.textContent = found.length + " نتيجة";
    var countEn = document.createElement("span");
    countEn.lang = "en";
    countEn.dir = "ltr";
    countEn.textContent = found.length + (found.length === 1 ? " result" : " results");
    status.appendChild(countAr);
    status.appendChild(document.createTextNode(" · "));
    status.appendChild(countEn);
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
