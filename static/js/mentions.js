// @mentions in a comment box (templates/posts/_comments.html): type "@" and part of a name,
// then pick a member from the list under the box with the arrow keys and Enter (or a click);
// Escape closes it. What is inserted is "@" and the member's e-mail address, the form the
// server reads (posts/comments.py). Listeners sit on the document, so a box htmx swaps in
// after posting a comment works without binding again.
(function () {
  "use strict";

  // An "@" that starts a word, and what follows it up to the caret (an address holds one more "@").
  const TYPED = /(?:^|[\s(])@([^\s@]*(?:@\S*)?)$/;
  let timer = null;
  let pending = null;

  function mentionBox(element) {
    return element instanceof HTMLTextAreaElement && element.dataset.mentions ? element : null;
  }

  function listOf(box) {
    return document.getElementById(box.getAttribute("aria-controls"));
  }

  function say(box, template, values) {
    const status = document.getElementById(box.dataset.mentionsStatus);
    if (status) {
      status.textContent = (template || "").replace(/%\((\w+)\)s/g, (_, name) => values[name]);
    }
  }

  function typed(box) {
    const before = box.value.slice(0, box.selectionStart);
    const match = TYPED.exec(before);
    return match ? { query: match[1], start: before.length - match[1].length - 1 } : null;
  }

  function options(box) {
    return Array.from(listOf(box).querySelectorAll('[role="option"]'));
  }

  function close(box) {
    const list = listOf(box);
    list.hidden = true;
    list.replaceChildren();
    box.removeAttribute("aria-activedescendant");
  }

  function activate(box, index) {
    const items = options(box);
    items.forEach((item, i) => item.setAttribute("aria-selected", String(i === index)));
    if (items[index]) {
      box.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    }
  }

  function choose(box, option) {
    const found = typed(box);
    if (found) {
      box.setRangeText(option.dataset.mention + " ", found.start, box.selectionStart, "end");
    }
    close(box);
    box.focus();
  }

  function show(box, members, query) {
    const list = listOf(box);
    list.replaceChildren(
      ...members.map((member, i) => {
        const item = document.createElement("li");
        item.id = `${list.id}-${i}`;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.mention = member.mention;
        const name = document.createElement("span");
        name.textContent = member.name;
        const address = document.createElement("small");
        address.textContent = member.email;
        item.append(name, " ", address);
        return item;
      })
    );
    list.hidden = members.length === 0;
    if (members.length) {
      activate(box, 0);
      const matches = ngettext(
        "%(count)s member matches: the up and down arrows choose, Enter mentions, Escape closes.",
        "%(count)s members match: the up and down arrows choose, Enter mentions, Escape closes.",
        members.length,
      );
      say(box, matches, { count: members.length });
    } else {
      box.removeAttribute("aria-activedescendant");
      say(box, box.dataset.msgNone, { query });
    }
  }

  function suggest(box) {
    const found = typed(box);
    clearTimeout(timer);
    if (!found) {
      close(box);
      return;
    }
    timer = setTimeout(async () => {
      if (pending) pending.abort();
      pending = new AbortController();
      const url = new URL(box.dataset.mentions, window.location.href);
      url.searchParams.set("q", found.query);
      try {
        const response = await fetch(url, {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
          signal: pending.signal,
        });
        if (!response.ok) {
          close(box);
          return;
        }
        const answer = await response.json();
        const now = typed(box);
        if (now && now.query === found.query && document.activeElement === box) {
          show(box, answer.members, found.query);
        }
      } catch (error) {
        if (error.name !== "AbortError") close(box);
      }
    }, 150);
  }

  document.addEventListener("input", (event) => {
    const box = mentionBox(event.target);
    if (box) suggest(box);
  });

  document.addEventListener("keydown", (event) => {
    const box = mentionBox(event.target);
    if (!box || listOf(box).hidden) return;
    const items = options(box);
    const current = items.findIndex((item) => item.getAttribute("aria-selected") === "true");
    if (event.key === "ArrowDown") {
      event.preventDefault();
      activate(box, (current + 1) % items.length);
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      activate(box, (current - 1 + items.length) % items.length);
    } else if (event.key === "Enter" && current >= 0) {
      event.preventDefault();
      choose(box, items[current]);
    } else if (event.key === "Escape") {
      event.preventDefault();
      close(box);
    }
  });

  // mousedown, not click: keeps the focus (and the caret) in the box while choosing.
  document.addEventListener("mousedown", (event) => {
    const option = event.target.closest && event.target.closest('.mention-list [role="option"]');
    if (!option) return;
    const box = mentionBox(document.querySelector(`textarea[aria-controls="${option.parentElement.id}"]`));
    if (box) {
      event.preventDefault();
      choose(box, option);
    }
  });

  document.addEventListener("focusout", (event) => {
    const box = mentionBox(event.target);
    if (box) close(box);
  });
})();
