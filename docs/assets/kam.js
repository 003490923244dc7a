/* Material wraps each table in a box that scrolls sideways on a narrow screen; a keyboard can
   reach and scroll it only when it can take focus (axe: scrollable-region-focusable); Material's
   search dialog has no name (axe: aria-dialog-name). Material reads the search box on `keyup`
   only, so a query that arrives without one (pasted with the mouse, dictated, composed with an
   input method, as Cyrillic often is) was never searched: an `input` event now counts as one.
   The labels are in the site's language: the kam plugin puts them on <html> (data-kam-*).
   Nothing else here: every page reads without JavaScript. */
document$.subscribe(function () {
  var labels = document.documentElement.dataset;
  var search = document.querySelector(".md-search[role=dialog]");
  if (search) search.setAttribute("aria-label", labels.kamSearchLabel || "Search");
  var query = document.querySelector(".md-search__input");
  if (query && !query.dataset.kamInput) {
    query.dataset.kamInput = "1";
    query.addEventListener("input", function () {
      query.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    });
  }
  document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (box) {
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", labels.kamTableLabel || "Table (scrolls sideways)");
  });
});
