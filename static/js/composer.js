/* The composer's live counters, network tabs and hashtag insertion.
 *
 * The server is the authority: htmx re-checks on every pause (posts/_checks.html)
 * and replaces these counters with the server's. In between, this file counts
 * the same way while typing: X with twitter-text (vendored), the others the way
 * posts/validation.py and the adapters do. Nothing here is needed to post: the
 * page works without JavaScript, showing every network's panel at once.
 */
(function () {
  "use strict";

  const form = document.getElementById("composer");
  if (!form) return;

  // Each network's description (platforms/description.py), as the server wrote it into the page:
  // where its link goes, which files it takes, its title rule and where its feed cuts the text.
  const descriptionsElement = document.getElementById("network-descriptions");
  const NETWORKS = descriptionsElement ? JSON.parse(descriptionsElement.textContent) : {};
  // LinkedIn receives these escaped with a backslash, so each costs two (platforms/linkedin.py).
  const LINKEDIN_RESERVED = new Set("\\|{}@[]()<>#*_~");
  const INSTAGRAM_HASHTAG = /(?<![\p{L}\p{N}_&#])#[\p{L}\p{N}_]+/gu;
  const LETTER = /\p{L}/u;

  const codePoints = (text) => Array.from(text).length;
  const utf8Bytes = (text) => new TextEncoder().encode(text).length;

  function linkedinLength(text) {
    const chars = Array.from(text);
    let length = 0;
    chars.forEach((char, index) => {
      const isHashtagSign = char === "#" && index + 1 < chars.length && LETTER.test(chars[index + 1]);
      length += LINKEDIN_RESERVED.has(char) && !isHashtagSign ? 2 : 1;
    });
    return length;
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  function value(name) {
    const element = field(name);
    return element && "value" in element ? element.value : "";
  }

  function chosenMedia() {
    return Array.from(form.querySelectorAll('input[name="media"]:checked')).map((box) => ({
      id: box.value,
      kind: box.dataset.kind,
    }));
  }

  // The files a network takes (posts/validation.py media_for_network, from the same description).
  function sentMedia(account, rule) {
    if (rule.none_with_format && value(`o-${account}-format`) === rule.none_with_format) return [];
    const media = chosenMedia().filter((item) => (item.kind === "video" ? rule.videos : rule.images));
    if (rule.thumbnail && value(`o-${account}-thumbnail_id`)) media.push({ kind: "image" });
    return media;
  }

  // Whether the link joins the text (NetworkDescription.link_joins_text in Python).
  function linkJoinsText(description, text, link, hasMedia) {
    if (!link || text.includes(link)) return false;
    return description.link_placement === "text" || hasMedia;
  }

  // The text as the network receives it, and whether files go with it.
  function posted(account, network) {
    const description = NETWORKS[network];
    const text = (value(`t-${account}`) || value("text")).replace(/\r\n/g, "\n");
    const link = value("link").trim();
    if (!description) return { text, full: text };
    const media = sentMedia(account, description.media);
    const joins = linkJoinsText(description, text, link, media.length > 0);
    return { text, full: joins ? (text ? `${text}\n\n${link}` : link) : text };
  }

  // The preview's text as the feed shows it: cut after preview_cutoff characters, with "… more".
  function showPreview(paragraph) {
    const network = paragraph.dataset.network;
    const description = NETWORKS[network];
    if (!description) return;
    const { full } = posted(paragraph.dataset.account, network);
    const cutoff = description.preview_cutoff;
    const chars = Array.from(full); // code points, as Python counts
    const isCut = cutoff !== null && chars.length > cutoff;
    const shown = isCut ? chars.slice(0, cutoff).join("").trimEnd() : full;
    const nodes = [];
    shown.split("\n").forEach((line, index) => {
      if (index) nodes.push(document.createElement("br"));
      nodes.push(document.createTextNode(line));
    });
    if (isCut) {
      const more = document.createElement("span");
      more.className = "see-more";
      more.textContent = paragraph.dataset.more;
      nodes.push(more);
    }
    paragraph.replaceChildren(...nodes);
  }

  function count(output) {
    const account = output.dataset.account;
    const network = output.dataset.network;
    const kind = output.dataset.counter;
    const { text, full } = posted(account, network);
    if (kind === "hashtags") return (full.match(INSTAGRAM_HASHTAG) || []).length;
    if (kind === "title") {
      // TitleRule.title_for: the title option, else the text's first line.
      const rule = NETWORKS[network] && NETWORKS[network].title;
      const given = rule ? value(`o-${account}-${rule.option}`).trim() : "";
      return codePoints(given || (text.trim().split("\n")[0] || "").trim());
    }
    switch (network) {
      case "twitter":
        return full && window.twttr ? window.twttr.txt.parseTweet(full).weightedLength : codePoints(full);
      case "linkedin":
        return linkedinLength(full);
      case "youtube":
        return utf8Bytes(full);
      default:
        return codePoints(full);
    }
  }

  function recount() {
    form.querySelectorAll("output[data-counter]").forEach((output) => {
      const used = count(output);
      output.value = String(used);
      output.textContent = String(used);
      output.dataset.source = "browser";
      const box = output.closest(".counter");
      if (box) box.classList.toggle("over", used > Number(output.dataset.limit));
    });
    form.querySelectorAll("[data-preview-text]").forEach(showPreview);
  }

  // --- tabs: one per chosen account ------------------------------------------------------------
  const tabs = () => Array.from(form.querySelectorAll('[role="tab"]'));

  function select(tab) {
    tabs().forEach((other) => {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute("aria-controls"));
      if (panel) panel.hidden = !selected || other.hidden;
    });
  }

  function syncTabs() {
    const chosen = new Set(
      Array.from(form.querySelectorAll('input[name="accounts"]:checked')).map((box) => box.value),
    );
    tabs().forEach((tab) => {
      tab.hidden = !chosen.has(tab.dataset.account);
    });
    const current = tabs().find((tab) => tab.getAttribute("aria-selected") === "true" && !tab.hidden);
    select(current || tabs().find((tab) => !tab.hidden) || null);
  }

  form.addEventListener("click", (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) select(tab);
  });
  form.addEventListener("keydown", (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (!tab || !["ArrowLeft", "ArrowRight"].includes(event.key)) return;
    const visible = tabs().filter((other) => !other.hidden);
    const step = event.key === "ArrowRight" ? 1 : -1;
    const next = visible[(visible.indexOf(tab) + step + visible.length) % visible.length];
    select(next);
    next.focus();
  });

  // --- hashtags: insert a set where the cursor was -----------------------------------------------
  let lastTextarea = field("text");
  form.addEventListener("focusin", (event) => {
    if (event.target.tagName === "TEXTAREA") lastTextarea = event.target;
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-insert]");
    if (!button || !lastTextarea) return;
    const area = lastTextarea;
    const start = area.selectionStart ?? area.value.length;
    const end = area.selectionEnd ?? area.value.length;
    const before = area.value.slice(0, start);
    const after = area.value.slice(end);
    const spaceBefore = before && !/\s$/.test(before) ? " " : "";
    const spaceAfter = after && !/^\s/.test(after) ? " " : "";
    const insert = `${spaceBefore}${button.dataset.insert}${spaceAfter}`;
    area.value = before + insert + after;
    area.focus();
    area.selectionStart = area.selectionEnd = start + insert.length;
    area.dispatchEvent(new Event("input", { bubbles: true }));
  });

  // A check answered after more typing describes older text: count the current text at once
  // (the check of the current text is already on its way).
  let edits = 0;
  let editsAtRequest = 0;
  const checks = document.getElementById("checks");
  if (checks) {
    checks.addEventListener("htmx:beforeRequest", () => {
      editsAtRequest = edits;
    });
    checks.addEventListener("htmx:afterSwap", () => {
      if (edits !== editsAtRequest) recount();
    });
  }
  form.addEventListener("input", () => {
    edits += 1;
    recount();
  });
  form.addEventListener("change", (event) => {
    edits += 1;
    if (event.target.name === "accounts") syncTabs();
    recount();
  });

  syncTabs();
})();
