/* framing report, article page: switch highlight families on and off, and show the note of a
   highlight while it is hovered or has keyboard focus. No external code. */
(function () {
  "use strict";
  var text = document.getElementById("text");
  var tip = document.getElementById("tip");
  if (!text || !tip) { return; }
  var current = null;

  function owner(node) {
    var mark = node && node.closest ? node.closest(".hl") : null;
    if (mark && mark.classList.contains("hl-cont")) { mark = document.getElementById(mark.getAttribute("data-of")); }
    return mark && !mark.classList.contains("off") ? mark : null;
  }
  function parts(mark) {
    return [mark].concat(Array.prototype.slice.call(text.querySelectorAll('.hl-cont[data-of="' + mark.id + '"]')));
  }
  function hide() {
    if (current) { parts(current).forEach(function (m) { m.classList.remove("active"); }); }
    current = null;
    tip.hidden = true;
  }
  function show(mark) {
    if (mark === current) { return; }
    hide();
    var note = document.getElementById("t-" + mark.id);
    if (!note) { return; }
    current = mark;
    parts(mark).forEach(function (m) { m.classList.add("active"); });
    tip.innerHTML = note.innerHTML;
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(4, Math.min(box.left, document.documentElement.clientWidth - width - 4));
    tip.style.left = (left + window.scrollX) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }
  text.addEventListener("mouseover", function (event) {
    var mark = owner(event.target);
    if (mark) { show(mark); }
  });
  text.addEventListener("mouseleave", function () {
    if (!text.contains(document.activeElement)) { hide(); }
  });
  text.addEventListener("focusin", function (event) {
    var mark = owner(event.target);
    if (mark) { show(mark); }
  });
  text.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { hide(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll("input[data-switch]"), function (box) {
    box.addEventListener("change", function () {
      var family = box.getAttribute("data-switch");
      Array.prototype.forEach.call(text.querySelectorAll(".hl"), function (mark) {
        if (mark.getAttribute("data-family") !== family) { return; }
        mark.classList.toggle("off", !box.checked);
        if (!mark.classList.contains("hl-cont")) { mark.setAttribute("tabindex", box.checked ? "0" : "-1"); }
      });
      if (current && current.classList.contains("off")) { hide(); }
    });
  });
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("hl")) { target.focus(); }
  }
}());
