// The reader's own layer over a shared page. Every reader gets the same page (so it can be
// cached); a reader who has signed in, posted or asked to be remembered has a `reader` cookie,
// and for them this asks /comments/reader/ what is theirs: their account in the header, and
// on a cable's pages their comments awaiting moderation, the ones they may still edit and the
// name the form comments as. discussion.js places those; it listens for "readerlayer".
(function () {
  "use strict";

  var nav = document.querySelector("nav.account-nav[data-reader-url]");
  if (!nav || !/(?:^|;\s*)reader=1(?:;|$)/.test(document.cookie)) return;

  function here() { return window.location.pathname + window.location.search; }

  fetch(nav.getAttribute("data-reader-url"), {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
    .then(function (response) {
      if (!response.ok) throw new Error("reader layer: " + response.status);
      return response.json();
    })
    .then(function (layer) {
      if (layer.signed_in) {
        nav.innerHTML = layer.account;
        var next = nav.querySelector("input[name='next']");
        if (next) next.value = here();
      }
      window.readerLayer = layer;
      document.dispatchEvent(new CustomEvent("readerlayer", { detail: layer }));
    })
    .catch(function () { /* the shared page stands as it is */ });
})();
