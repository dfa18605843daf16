// Adds a "Copy link" button beside every paragraph symbol; without JavaScript the ¶ link itself
// remains the way to get a paragraph's address.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll("a.pilcrow").forEach(function (pilcrow) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy the link to paragraph " + pilcrow.id.replace("par", ""));
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var url = new URL(pilcrow.getAttribute("href"), window.location.href).href;
      navigator.clipboard.writeText(url).then(
        function () { status.textContent = "Link copied"; },
        function () { status.textContent = "Copy failed: use the ¶ link"; }
      );
      window.setTimeout(function () { status.textContent = ""; }, 2500);
    });
    var text = pilcrow.parentNode.querySelector(".paragraph-text");
    pilcrow.parentNode.insertBefore(status, text);
    pilcrow.parentNode.insertBefore(button, status);
  });
})();
