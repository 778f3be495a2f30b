// Plenum: small progressive enhancements; every page works without this file.
"use strict";
document.addEventListener("submit", function (e) {
  var msg = e.target.getAttribute("data-confirm");
  if (msg && !window.confirm(msg)) e.preventDefault();
});
document.addEventListener("change", function (e) {
  if (e.target.matches("[data-autosubmit]")) e.target.form.submit();
});

// Unit pickers: fill the shared datalist with units whose names match what is
// typed, from the JSON API (same session). Without script, typing a unit's
// number, code or exact name works too.
(function () {
  var list = document.getElementById("units-list");
  if (!list) return;
  var timer, last = "";
  document.addEventListener("input", function (e) {
    var input = e.target;
    if (!input.matches("[data-unit-picker]")) return;
    var q = input.value.trim();
    if (q.length < 2 || q === last || /^\d+$/.test(q)) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      last = q;
      var asOf = (document.querySelector("input[name=effective], input[name=valid_from], input[name=as_of]") || {}).value || "";
      fetch("/api/v1/units?limit=15&q=" + encodeURIComponent(q) + (asOf ? "&as_of=" + asOf : ""), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : { items: [] }; })
        .then(function (body) {
          list.textContent = "";
          body.items.forEach(function (u) {
            var o = document.createElement("option");
            o.value = u.name;
            o.label = u.name + " (" + u.id + ")";
            list.appendChild(o);
          });
        });
    }, 200);
  });
})();
// On a narrow screen the search facets start folded, so that the results come first.
document.addEventListener("DOMContentLoaded", function () {
  if (window.matchMedia("(max-width: 48rem)").matches) {
    document.querySelectorAll(".facets details[open]").forEach(function (d) { d.open = false; });
  }
});

// Ingest review: "show in the text" lights up every piece of a proposal's
// span (the link's anchor already scrolls there and outlines its first piece).
document.addEventListener("click", function (e) {
  var link = e.target.closest ? e.target.closest("a.show-span") : null;
  if (!link) return;
  var id = " " + link.getAttribute("data-span") + " ";
  document.querySelectorAll("mark.lit").forEach(function (m) { m.classList.remove("lit"); });
  document.querySelectorAll("mark[data-spans]").forEach(function (m) {
    if ((" " + m.getAttribute("data-spans") + " ").indexOf(id) >= 0) m.classList.add("lit");
  });
});
