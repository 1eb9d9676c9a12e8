// A link made before discussions were paged names a comment by its fragment alone
// ("/2018/11/post#c123"), and the browser never sends a fragment to the server. When the first
// page does not hold that comment, ask for the comment's lasting address, which redirects to the
// page that holds it. Only from the bare first page (no query), so a redirect can never loop.
(function () {
  "use strict";
  var match = /^#c([0-9]+)$/.exec(window.location.hash);
  if (!match || window.location.search !== "" || document.getElementById("c" + match[1])) {
    return;
  }
  window.location.replace(window.location.pathname + "?comment=" + match[1]);
})();
