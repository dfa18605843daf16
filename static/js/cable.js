// Sharing, on the cable page and the paragraph page. Without JavaScript the page already has
// the links: the ¶ of each paragraph, the share box with its address and its Share links.
// With it: a "Copy link" button in each share box, and at each ¶ a "Share" button that opens
// a menu for that paragraph (copy its link, post it, e-mail it, cite it). The addresses the
// menu links to come from the page (data-share-targets); no third-party script is loaded.
(function () {
  "use strict";

  var holder = document.querySelector("[data-share-targets]");
  var targets = holder ? JSON.parse(holder.dataset.shareTargets) : [];

  function copy(url, status) {
    function said(message) {
      status.textContent = message;
      window.setTimeout(function () { status.textContent = ""; }, 4000);
    }
    // Without a clipboard to write to, the link is shown (and stays) for the reader to copy.
    function byHand() { status.textContent = "Select the link and copy it: " + url; }
    if (!navigator.clipboard) {
      byHand();
      return;
    }
    navigator.clipboard.writeText(url).then(function () { said("Link copied"); }, byHand);
  }

  function shareLink(pattern, text, subject) {
    return pattern
      .replace("{text}", encodeURIComponent(text))
      .replace("{subject}", encodeURIComponent(subject));
  }

  // The share boxes: their copy button works only with a script.
  document.querySelectorAll(".share").forEach(function (box) {
    var button = box.querySelector(".copy-share-link");
    var status = box.querySelector(".copy-status");
    button.hidden = false;
    button.addEventListener("click", function () { copy(box.dataset.shareUrl, status); });
    box.querySelector(".share-url").addEventListener("focus", function (event) {
      event.target.select();
    });
  });

  // A menu at each ¶.
  var menus = [];
  function closeAll(except) {
    menus.forEach(function (entry) {
      if (entry.menu !== except) {
        entry.menu.hidden = true;
        entry.toggle.setAttribute("aria-expanded", "false");
      }
    });
  }

  document.querySelectorAll("p.paragraph-body[data-share-text]").forEach(function (body) {
    var pilcrow = body.querySelector("a.pilcrow");
    if (!pilcrow) return;
    var number = pilcrow.id.replace(/^par/, "").replace(/-.*/, "");
    // A number the cable repeats (its anchors par3, par3-2) is told apart by its anchor.
    var name = "paragraph " + number + (/-\d+$/.test(pilcrow.id) ? " (" + pilcrow.id + ")" : "");
    // The paragraph's own page: its address is what a link preview shows that paragraph for.
    var url = body.dataset.shareUrl;
    var container = body.closest("[data-share-subject]");
    var subject = "¶" + number + " of " + (container ? container.dataset.shareSubject : document.title);
    var text = body.dataset.shareText;

    var toggle = document.createElement("button");
    toggle.type = "button";
    toggle.className = "share-toggle";
    toggle.textContent = "Share";
    toggle.setAttribute("aria-label", "Share " + name);
    toggle.setAttribute("aria-expanded", "false");
    var menu = document.createElement("span");
    menu.className = "share-menu";
    menu.id = "share-" + pilcrow.id;
    menu.hidden = true;
    menu.setAttribute("role", "group");
    menu.setAttribute("aria-label", "Share " + name);
    toggle.setAttribute("aria-controls", menu.id);

    var copyButton = document.createElement("button");
    copyButton.type = "button";
    copyButton.className = "copy-link";
    copyButton.textContent = "Copy link";
    copyButton.setAttribute("aria-label", "Copy the link to " + name);
    var status = document.createElement("span");
    status.className = "copy-status";
    status.setAttribute("role", "status");
    copyButton.addEventListener("click", function () { copy(url, status); });
    menu.appendChild(copyButton);
    targets.forEach(function (target) {
      var link = document.createElement("a");
      link.href = shareLink(target[1], text, subject);
      link.textContent = target[0];
      link.target = "_blank";
      link.rel = "noopener";
      link.className = "share-target";
      menu.appendChild(link);
    });
    var thread = body.querySelector("a.comment-count");
    if (thread) {
      var cite = document.createElement("a");
      cite.href = thread.getAttribute("href") + "#cite";
      cite.textContent = "Cite";
      cite.className = "share-target";
      menu.appendChild(cite);
    }
    menu.appendChild(status);

    toggle.addEventListener("click", function () {
      var opening = menu.hidden;
      closeAll(menu);
      menu.hidden = !opening;
      toggle.setAttribute("aria-expanded", String(opening));
      if (opening) copyButton.focus();
    });
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape") {
        menu.hidden = true;
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
    menus.push({ menu: menu, toggle: toggle });
    var words = body.querySelector(".paragraph-text");
    body.insertBefore(toggle, words);
    body.insertBefore(menu, words);
  });

  // Opened at #cite (from a ¶ menu's "Cite", on this page or another): the citation shows.
  function openCitation() {
    if (window.location.hash !== "#cite") return;
    var citation = document.querySelector("#cite details");
    if (citation) citation.open = true;
  }
  openCitation();
  window.addEventListener("hashchange", openCitation);
})();
