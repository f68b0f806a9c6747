/* framing report, markers and quotations in context: filter the rows of data/kwic.js by outlet,
   family, category and words, and show them a page at a time. No external code. */
(function () {
  "use strict";
  var data = window.FRAMING_KWIC;
  var body = document.getElementById("kwic-rows");
  if (!data || !body) { return; }
  var size = parseInt(document.getElementById("kwic").getAttribute("data-page-size"), 10) || 50;
  var fields = {outlet: document.getElementById("f-outlet"), family: document.getElementById("f-family"),
                category: document.getElementById("f-category"), q: document.getElementById("f-text")};
  var status = document.getElementById("status");
  var previous = document.getElementById("previous");
  var next = document.getElementById("next");
  var allCategories = Array.prototype.map.call(fields.category.options, function (o) { return o.value; }).slice(1);
  var start = 0;
  var found = [];
  var number = new Intl.NumberFormat("en");

  function index(list, value) { return value === "" ? -1 : list.indexOf(value); }
  function setCategories(family) {
    var keep = family === "" ? allCategories : (data.categories_by_family[family] || []);
    var chosen = fields.category.value;
    while (fields.category.options.length > 1) { fields.category.remove(1); }
    keep.forEach(function (value) { fields.category.add(new Option(value, value)); });
    fields.category.value = keep.indexOf(chosen) >= 0 ? chosen : "";
  }
  function filter() {
    var outlet = index(data.outlets, fields.outlet.value);
    var family = index(data.families, fields.family.value);
    var category = index(data.categories, fields.category.value);
    var words = fields.q.value.trim().toLowerCase();
    if ((fields.outlet.value && outlet < 0) || (fields.family.value && family < 0) ||
        (fields.category.value && category < 0)) { return []; }
    return data.rows.filter(function (row) {
      if (outlet >= 0 && data.docs[row[0]][2] !== outlet) { return false; }
      if (family >= 0 && row[1] !== family) { return false; }
      if (category >= 0 && row[2] !== category) { return false; }
      return !words || (row[3] + " " + row[4] + " " + row[5]).toLowerCase().indexOf(words) >= 0;
    });
  }
  function cell(tr, text, className) {
    var td = document.createElement("td");
    if (className) { td.className = className; }
    td.textContent = text;
    tr.appendChild(td);
    return td;
  }
  function draw() {
    body.textContent = "";
    found.slice(start, start + size).forEach(function (row) {
      var doc = data.docs[row[0]];
      var tr = document.createElement("tr");
      tr.setAttribute("data-family", data.families[row[1]]);
      cell(tr, data.outlets[doc[2]]);
      cell(tr, data.family_labels[row[1]]);
      cell(tr, data.categories[row[2]]);
      cell(tr, row[3], "left");
      var match = cell(tr, "", "match");
      var link = document.createElement("a");
      link.href = "articles/" + doc[0] + "#" + row[6];
      link.textContent = row[4];
      link.title = doc[1];
      match.appendChild(link);
      cell(tr, row[5]);
      cell(tr, row[7]);
      body.appendChild(tr);
    });
    var last = Math.min(start + size, found.length);
    status.textContent = found.length ? "Rows " + number.format(start + 1) + " to " + number.format(last) + " of " +
      number.format(found.length) + " (" + number.format(data.rows.length) + " in all)." : "No row matches.";
    previous.disabled = start === 0;
    next.disabled = last >= found.length;
  }
  function update() {
    found = filter();
    start = 0;
    draw();
    var state = [];
    ["outlet", "family", "category", "q"].forEach(function (name) {
      if (fields[name].value) { state.push(name + "=" + encodeURIComponent(fields[name].value)); }
    });
    history.replaceState(null, "", state.length ? "#" + state.join("&") : location.pathname);
  }
  var wanted = {};
  location.hash.slice(1).split("&").forEach(function (pair) {
    var at = pair.indexOf("=");
    if (at > 0) { wanted[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1)); }
  });
  fields.outlet.value = wanted.outlet || "";
  fields.family.value = wanted.family || "";
  setCategories(fields.family.value);
  fields.category.value = wanted.category || "";
  fields.q.value = wanted.q || "";
  fields.outlet.addEventListener("change", update);
  fields.family.addEventListener("change", function () { setCategories(fields.family.value); update(); });
  fields.category.addEventListener("change", update);
  fields.q.addEventListener("input", update);
  previous.addEventListener("click", function () { start = Math.max(0, start - size); draw(); });
  next.addEventListener("click", function () { if (start + size < found.length) { start += size; draw(); } });
  found = filter();
  draw();
}());
