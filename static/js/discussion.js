// The discussion, enhanced: a paragraph's thread opens under it from the count beside its ¶,
// the one comment form moves to where the reader answers (a paragraph, a comment), selected
// words become a quoted passage, Preview renders in place, and a #comment-N link opens the
// thread it is in and highlights the passage it quotes. Without JavaScript every one of these
// is a link to a real page (the paragraph's page, ?replytocom=N, the preview page).
(function () {
  "use strict";

  var form = document.querySelector("form.comment-form[action$='/comments/post/']");
  var home = form && form.parentNode;
  var homeNext = form && form.nextSibling;
  var moved = null;

  function field(name) { return form && form.elements.namedItem(name); }

  function setValue(name, value) {
    var input = field(name);
    if (input) input.value = value;
  }

  // --- paragraph threads -------------------------------------------------------------------

  function threadOf(anchor) { return document.getElementById("thread-" + anchor); }

  function countsFor(thread) {
    return document.querySelectorAll("a.comment-count[data-thread='" + thread.id + "']");
  }

  function openThread(thread, open) {
    if (!thread) return;
    thread.classList.toggle("open", open);
    countsFor(thread).forEach(function (link) {
      link.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function isOpen(thread) { return thread.classList.contains("open"); }

  // --- moving the form ---------------------------------------------------------------------

  function notice() {
    if (!moved) {
      moved = document.createElement("p");
      moved.className = "form-moved";
      moved.setAttribute("role", "status");
      home.insertBefore(moved, homeNext);
    }
    return moved;
  }

  function moveForm(place, where) {
    if (!form) return;
    if (place === home) {
      home.insertBefore(form, homeNext);
      if (moved) moved.hidden = true;
    } else {
      place.appendChild(form);
      var message = notice();
      message.hidden = false;
      message.textContent = "The comment form is open " + where + ". ";
      var back = document.createElement("button");
      back.type = "button";
      back.className = "link-button";
      back.textContent = "Bring it back here";
      back.addEventListener("click", function () { resetForm(); });
      message.appendChild(back);
    }
  }

  function showReplyingTo(name, commentId) {
    // The copy of the answered comment the server put in the form (?replytocom=) is stale now.
    var answering = form.querySelector(".answering-comment");
    if (answering) answering.remove();
    var line = form.querySelector(".replying-to");
    if (!line) return;
    line.hidden = !name;
    var link = line.querySelector(".replying-to-link");
    if (link && name) {
      link.textContent = name;
      link.setAttribute("href", "#comment-" + commentId);
    }
  }

  function setQuote(quote) {
    setValue("quote_exact", quote ? quote.exact : "");
    setValue("quote_prefix", quote ? quote.prefix : "");
    var box = form.querySelector(".quote-preview");
    if (!box) return;
    box.hidden = !quote;
    box.querySelector(".quote-text").textContent = quote ? quote.exact : "";
  }

  function resetForm() {
    setValue("parent", "");
    setValue("anchor", "");
    setQuote(null);
    showReplyingTo(null);
    moveForm(home);
  }

  function formToParagraph(anchor, quote) {
    var thread = threadOf(anchor);
    if (!form || !thread) return;
    openThread(thread, true);
    setValue("parent", "");
    setValue("anchor", anchor);
    setQuote(quote || null);
    showReplyingTo(null);
    moveForm(thread.querySelector(".form-slot"), "under ¶" + anchor.replace("par", ""));
    focusBody();
  }

  function formToReply(link) {
    var comment = link.closest("li.comment");
    var article = comment && comment.querySelector(".comment-body");
    if (!form || !article) return false;
    setValue("parent", link.getAttribute("data-reply-to"));
    setValue("anchor", link.getAttribute("data-anchor") || "");
    setQuote(null);
    showReplyingTo(link.getAttribute("data-author"), link.getAttribute("data-reply-to"));
    var slot = document.createElement("div");
    slot.className = "reply-slot";
    article.parentNode.insertBefore(slot, article.nextSibling);
    document.querySelectorAll(".reply-slot:empty").forEach(function (empty) {
      if (empty !== slot) empty.remove();
    });
    moveForm(slot, "below the comment you answer");
    focusBody();
    return true;
  }

  function focusBody() {
    var body = field("body");
    if (body) body.focus({ preventScroll: false });
  }

  // --- passages ----------------------------------------------------------------------------

  // The text of an element with whitespace collapsed as the server collapses it (a <br> is a
  // space), and for each character the text node and offset it came from.
  function textIndex(root) {
    var text = "";
    var map = [];
    var lastSpace = true;
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    var node = walker.nextNode();
    while (node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.nodeName === "BR" && !lastSpace && map.length) {
          var previous = map[map.length - 1];
          text += " ";
          map.push([previous[0], previous[1] + 1]);
          lastSpace = true;
        }
      } else {
        var value = node.nodeValue;
        for (var i = 0; i < value.length; i++) {
          var character = value[i];
          if (/\s/.test(character)) {
            if (lastSpace) continue;
            character = " ";
            lastSpace = true;
          } else {
            lastSpace = false;
          }
          text += character;
          map.push([node, i]);
        }
      }
      node = walker.nextNode();
    }
    return { text: text, map: map };
  }

  function indexAt(index, container, offset) {
    for (var i = 0; i < index.map.length; i++) {
      if (index.map[i][0] === container && index.map[i][1] >= offset) return i;
    }
    for (var j = 0; j < index.map.length; j++) {
      var node = index.map[j][0];
      if (container.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) return j;
    }
    return index.map.length;
  }

  function rangeFor(index, start, end) {
    if (start >= end || end > index.map.length) return null;
    var range = document.createRange();
    range.setStart(index.map[start][0], index.map[start][1]);
    var last = index.map[end - 1];
    range.setEnd(last[0], last[1] + 1);
    return range;
  }

  function findPassage(paragraphText, exact, prefix, suffix) {
    var index = textIndex(paragraphText);
    var start = -1;
    var whole = index.text.indexOf(prefix + exact + suffix);
    if (whole !== -1) start = whole + prefix.length;
    if (start === -1) start = index.text.indexOf(exact);
    if (start === -1) return null;
    return rangeFor(index, start, start + exact.length);
  }

  var marks = [];

  function clearHighlight() {
    if (window.CSS && CSS.highlights) CSS.highlights.delete("passage");
    marks.forEach(function (mark) {
      var parent = mark.parentNode;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      parent.removeChild(mark);
      parent.normalize();
    });
    marks = [];
  }

  function highlightPassage(quote) {
    var anchor = quote.getAttribute("data-anchor");
    var paragraph = document.querySelector(".paragraph-body[data-anchor='" + anchor + "'] .paragraph-text");
    if (!paragraph) return false;
    clearHighlight();
    var range = findPassage(
      paragraph,
      quote.getAttribute("data-exact") || "",
      quote.getAttribute("data-prefix") || "",
      quote.getAttribute("data-suffix") || ""
    );
    if (!range) {
      quote.classList.add("passage-changed");
      quote.setAttribute("title", "The paragraph has changed since this passage was quoted.");
      return false;
    }
    if (window.CSS && CSS.highlights && window.Highlight) {
      CSS.highlights.set("passage", new Highlight(range));
    } else if (range.startContainer === range.endContainer) {
      var mark = document.createElement("mark");
      mark.className = "passage-highlight";
      range.surroundContents(mark);
      marks.push(mark);
    }
    paragraph.closest(".paragraph-body").classList.add("has-highlight");
    return true;
  }

  // The "Comment on this passage" button, shown beside a selection inside one paragraph.
  var passageButton = document.createElement("button");
  passageButton.type = "button";
  passageButton.className = "passage-button";
  passageButton.textContent = "Comment on this passage";
  passageButton.hidden = true;
  var selected = null;

  function selectionInParagraph() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount) return null;
    var range = selection.getRangeAt(0);
    var startText = closestText(range.startContainer);
    if (!startText || startText !== closestText(range.endContainer)) return null;
    var paragraph = startText.closest(".paragraph-body");
    var anchor = paragraph && paragraph.getAttribute("data-anchor");
    if (!anchor || !threadOf(anchor)) return null;
    var index = textIndex(startText);
    var start = indexAt(index, range.startContainer, range.startOffset);
    var end = indexAt(index, range.endContainer, range.endOffset);
    var exact = index.text.slice(start, end).trim();
    if (!exact) return null;
    return {
      anchor: anchor,
      paragraph: paragraph,
      range: range.cloneRange(),
      rect: range.getBoundingClientRect(),
      exact: exact,
      prefix: index.text.slice(Math.max(0, start - 32), start),
    };
  }

  function closestText(node) {
    var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return element && element.closest(".paragraph-text");
  }

  var selectionTimer = null;
  document.addEventListener("selectionchange", function () {
    window.clearTimeout(selectionTimer);
    selectionTimer = window.setTimeout(function () {
      var found = selectionInParagraph();
      if (!found) {
        if (document.activeElement !== passageButton) passageButton.hidden = true;
        return;
      }
      selected = found;
      var container = found.paragraph.parentNode;
      container.insertBefore(passageButton, found.paragraph.nextSibling);
      var box = container.getBoundingClientRect();
      passageButton.style.top = Math.round(found.rect.bottom - box.top + 6) + "px";
      passageButton.style.left = Math.max(0, Math.round(found.rect.left - box.left)) + "px";
      passageButton.hidden = false;
    }, 120);
  });

  passageButton.addEventListener("click", function () {
    if (!selected) return;
    passageButton.hidden = true;
    formToParagraph(selected.anchor, { exact: selected.exact, prefix: selected.prefix });
    // Keep the passage marked while the reader writes about it.
    if (window.CSS && CSS.highlights && window.Highlight) {
      clearHighlight();
      CSS.highlights.set("passage", new Highlight(selected.range));
    }
  });

  // --- preview -----------------------------------------------------------------------------

  function preview(event) {
    var button = event.target.closest(".preview-button");
    if (!button || !window.fetch) return;
    event.preventDefault();
    var output = form.querySelector(".comment-preview");
    var data = new FormData(form);
    fetch(button.getAttribute("data-preview-url") || "/comments/preview/", {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) { output.innerHTML = html; })
      .catch(function () { form.requestSubmit(button); });
  }

  // --- opening what a link points at ----------------------------------------------------------

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    var thread = target.classList.contains("paragraph-thread") ? target : target.closest(".paragraph-thread");
    if (thread && !isOpen(thread)) openThread(thread, true);
    if (target.classList.contains("comment")) {
      document.querySelectorAll("li.comment.targeted").forEach(function (other) {
        other.classList.remove("targeted");
      });
      target.classList.add("targeted");
      var quote = target.querySelector(":scope > .comment-body .passage");
      if (quote) highlightPassage(quote);
    }
    // Centred, so the paragraph or the comment it answers stays in view above it.
    if (thread) target.scrollIntoView({ block: "center" });
  }

  document.addEventListener("click", function (event) {
    var count = event.target.closest("a.comment-count, a[data-thread]");
    if (count) {
      var thread = document.getElementById(count.getAttribute("data-thread"));
      if (thread) {
        event.preventDefault();
        var open = !isOpen(thread) || !count.classList.contains("comment-count");
        openThread(thread, open);
        if (open && form && thread.querySelector(".form-slot") && !thread.querySelector(".comment-form")) {
          formToParagraph(thread.getAttribute("data-anchor"));
        }
        if (open) thread.scrollIntoView({ block: "nearest" });
        return;
      }
    }
    var onParagraph = event.target.closest("a.comment-on-paragraph");
    if (onParagraph && form && threadOf(onParagraph.getAttribute("data-anchor"))) {
      event.preventDefault();
      formToParagraph(onParagraph.getAttribute("data-anchor"));
      return;
    }
    var reply = event.target.closest("a.reply-link");
    if (reply && form && formToReply(reply)) {
      event.preventDefault();
      return;
    }
    if (event.target.closest(".cancel-reply") && form && form.contains(event.target)) {
      event.preventDefault();
      resetForm();
      return;
    }
    if (event.target.closest(".remove-quote") && form) {
      setQuote(null);
      clearHighlight();
      return;
    }
    var quote = event.target.closest("blockquote.passage[data-exact]");
    if (quote && !event.target.closest("a")) highlightPassage(quote);
  });

  // --- the reader's own layer (reader.js) --------------------------------------------------

  function listIn(container) {
    var list = container.querySelector("ol.comment-list");
    if (!list) {
      list = document.createElement("ol");
      list.className = "comment-list";
      var none = container.querySelector(".no-comments");
      if (none) none.replaceWith(list);
      else container.appendChild(list);
    }
    return list;
  }

  function placeHeld(held) {
    if (document.getElementById("comment-" + held.id)) return;
    var template = document.createElement("template");
    template.innerHTML = held.html.trim();
    var item = template.content.firstElementChild;
    var parent = held.parent && document.getElementById("comment-" + held.parent);
    var list;
    if (parent) {
      list = parent.querySelector(":scope > ol.children");
      if (!list) {
        list = document.createElement("ol");
        list.className = "children";
        parent.appendChild(list);
      }
    } else {
      var thread = held.anchor && threadOf(held.anchor);
      list = listIn(thread || document.getElementById("responses"));
    }
    list.appendChild(item);
  }

  function addChangeLinks(id) {
    var actions = document.querySelector("#comment-" + id + " > .comment-body .comment-actions");
    if (!actions || actions.querySelector(".edit-link")) return;
    [["edit-link", "edit/", "Edit"], ["delete-link", "delete/", "Delete"]].forEach(function (link) {
      var a = document.createElement("a");
      a.className = link[0];
      a.href = "/comments/" + id + "/" + link[1];
      a.textContent = link[2];
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(a);
    });
  }

  function fillForm(layer) {
    if (!form) return;
    if (layer.signed_in) {
      form.querySelectorAll(".guest-intro, .guest-fields, .checkboxes .remember").forEach(
        function (part) { part.remove(); }
      );
      var as = document.createElement("p");
      as.className = "logged-in-as";
      as.append("Commenting as ");
      var name = document.createElement("strong");
      name.textContent = layer.signed_in;
      as.appendChild(name);
      as.append(".");
      var body = form.querySelector("textarea[name='body']");
      var group = body && body.closest("div");
      form.insertBefore(as, group && group.parentNode === form ? group : form.firstChild);
      return;
    }
    var author = layer.author || {};
    ["name", "email", "url"].forEach(function (key) {
      var input = field(key);
      if (input && !input.value && author[key]) input.value = author[key];
    });
    var remember = field("remember");
    if (remember && author.remember) remember.checked = true;
  }

  // The comment the reader was writing when they went to sign in elsewhere, back in the form
  // where they wrote it: under its paragraph, below the comment it answers, or at the end.
  function restoreDraft(draft) {
    if (!form || !draft) return;
    var reply = draft.parent && document.querySelector(
      "#comment-" + draft.parent + " .reply-link[data-reply-to]"
    );
    if (reply) {
      formToReply(reply);
    } else if (draft.anchor && threadOf(draft.anchor)) {
      var quote = draft.quote_exact
        ? { exact: draft.quote_exact, prefix: draft.quote_prefix, suffix: draft.quote_suffix }
        : null;
      formToParagraph(draft.anchor, quote);
    }
    setValue("body", draft.body || "");
    var notify = field("notify");
    if (notify) notify.checked = !!draft.notify;
    focusBody();
  }

  // --- likes -------------------------------------------------------------------------------
  // Each like form posts without leaving the page; the reader's own likes (from the reader
  // layer) show as "Liked", and pressing it again takes the like back.

  function likeForms(target) {
    return document.querySelectorAll("form.like-form[data-target='" + target + "']");
  }

  function showLiked(likeForm, liked) {
    var button = likeForm.querySelector(".like-button");
    button.textContent = liked ? "Liked" : "Like";
    button.setAttribute("aria-pressed", liked ? "true" : "false");
    var undo = likeForm.querySelector("input[name='undo']");
    if (liked && !undo) {
      undo = document.createElement("input");
      undo.type = "hidden";
      undo.name = "undo";
      undo.value = "1";
      likeForm.appendChild(undo);
    } else if (!liked && undo) {
      undo.remove();
    }
  }

  function showCount(likeForm, count) {
    var shown = likeForm.querySelector(".like-count");
    shown.setAttribute("data-count", count);
    if (likeForm.classList.contains("compact")) {
      shown.textContent = count ? count + (count === 1 ? " like" : " likes") : "";
    } else {
      shown.textContent = count
        ? count + (count === 1 ? " reader likes this" : " readers like this")
        : "";
    }
  }

  document.addEventListener("submit", function (event) {
    var likeForm = event.target.closest("form.like-form");
    if (!likeForm || !window.fetch) return;
    event.preventDefault();
    var button = likeForm.querySelector(".like-button");
    button.disabled = true;
    // A comment's form has no target field: its button carries it.
    var sent = new FormData(likeForm);
    if (!sent.has("target")) sent.append("target", likeForm.getAttribute("data-target"));
    fetch(likeForm.action, {
      method: "POST",
      body: sent,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        return response.json().then(function (answer) {
          if (!response.ok) throw new Error(answer.error || "The like was not recorded.");
          return answer;
        });
      })
      .then(function (answer) {
        likeForms(answer.target).forEach(function (each) {
          showLiked(each, answer.liked);
          showCount(each, answer.count);
        });
      })
      .catch(function (error) {
        var shown = likeForm.querySelector(".like-count");
        shown.textContent = error.message;
      })
      .then(function () { button.disabled = false; });
  });

  function applyLayer(layer) {
    (layer.liked || []).forEach(function (target) {
      likeForms(target).forEach(function (each) { showLiked(each, true); });
    });
    (layer.held || []).forEach(placeHeld);
    (layer.editable || []).forEach(addChangeLinks);
    fillForm(layer);
    if (layer.draft) restoreDraft(layer.draft);
    else openTarget();
  }

  if (window.readerLayer) applyLayer(window.readerLayer);
  else document.addEventListener("readerlayer", function (event) { applyLayer(event.detail); });

  if (form) {
    form.addEventListener("click", function (event) {
      if (event.target.closest(".preview-button")) preview(event);
    });
    document.querySelectorAll("a.comment-count").forEach(function (link) {
      link.setAttribute("aria-expanded", "false");
    });
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();
  // The browser scrolls to the fragment itself once the page has loaded: centre it after that.
  window.addEventListener("load", function () { window.setTimeout(openTarget, 0); });
})();
