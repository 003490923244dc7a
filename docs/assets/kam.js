/* Material wraps each table in a box that scrolls sideways on a narrow screen; a keyboard can
   reach and scroll it only when it can take focus (axe: scrollable-region-focusable); Material's
   search dialog has no name (axe: aria-dialog-name). Nothing else here: every page reads
   without JavaScript. */
document$.subscribe(function () {
  var search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", "Search");
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Table (scrolls sideways)");
  });
});
