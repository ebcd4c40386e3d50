/* The composer's live counters, network tabs, hashtag insertion, X's overflow mark,
 * in-place uploads and alt text.
 *
 * The server is the authority: htmx re-checks on every pause (posts/_checks.html)
 * and replaces these counters with the server's. In between, this file counts
 * the same way while typing: X with twitter-text (vendored), the others the way
 * posts/validation.py and the adapters do. Nothing here is needed to post: the
 * page works without JavaScript, showing every network's panel at once (files are then
 * uploaded on the media library's page). Messages come translated from the template's
 * data-msg-* attributes, or from Django's JavaScript catalogue (gettext, ngettext: base.html
 * loads it) where they count something.
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

  // --- campaign: offer the chosen campaign's hashtags -----------------------------------------------
  const campaignSelect = field("campaign");
  if (campaignSelect) {
    campaignSelect.addEventListener("change", () => {
      form.querySelectorAll("[data-campaign-hashtags]").forEach((button) => {
        button.hidden = button.dataset.campaignHashtags !== campaignSelect.value;
      });
    });
  }

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

  // The privacy guard's one-click fix (posts/_checks.html): replace or remove the excerpt found,
  // at the server's offsets (code points, as Python counts) if the text is unchanged there, else
  // where the excerpt is the only one of its kind. The live check then runs again.
  function fixPrivacyFinding(button) {
    const area = field(button.dataset.input);
    if (!area || !("value" in area)) return;
    const chars = Array.from(area.value);
    const excerpt = button.dataset.excerpt;
    const replacement = button.dataset.replacement;
    let start = Number(button.dataset.start);
    let end = Number(button.dataset.end);
    if (chars.slice(start, end).join("") !== excerpt) {
      const at = area.value.indexOf(excerpt);
      if (at < 0 || area.value.indexOf(excerpt, at + 1) >= 0) {
        const section = button.closest("[data-msg-stale]");
        if (section) button.replaceWith(document.createTextNode(section.dataset.msgStale));
        return;
      }
      start = Array.from(area.value.slice(0, at)).length;
      end = start + Array.from(excerpt).length;
    }
    let before = chars.slice(0, start).join("");
    let after = chars.slice(end).join("");
    if (!replacement) {
      // Removing a span leaves no double space, nor a space before punctuation (privacy.text.apply_fix).
      if (/[ \t]$/.test(before) && (/^[ \t]/.test(after) || /^[,.;:!?)]/.test(after) || !after)) {
        before = before.replace(/[ \t]+$/, "");
        if (/^[ \t]/.test(after) && before) before += " ";
        after = after.replace(/^[ \t]+/, "");
      }
    }
    area.value = before + replacement + after;
    area.focus();
    const caret = before.length + replacement.length;
    area.selectionStart = area.selectionEnd = caret;
    area.dispatchEvent(new Event("input", { bubbles: true }));
    button.disabled = true;
  }
  document.addEventListener("click", (event) => {
    const button = event.target.closest("[data-privacy-fix]");
    if (button) fixPrivacyFinding(button);
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

  // --- X: how much to cut, and the part past the limit marked in the preview -----------------------
  // The server draws the same (posts/_checks.html); this redraws it while typing.
  function drawXPreview(article) {
    const box = article.querySelector("[data-x-preview]");
    const note = article.querySelector("[data-x-overflow]");
    const limit = note ? Number(note.dataset.limit) : 0;
    if (!box || !limit || !window.twttr) return;
    const { full } = posted(article.dataset.account, "twitter");
    const parsed = full ? window.twttr.txt.parseTweet(full) : null;
    const toCut = parsed ? parsed.weightedLength - limit : 0;
    // validRangeEnd counts UTF-16 code units, as String.prototype.slice does.
    const end = toCut > 0 ? parsed.validRangeEnd + 1 : full.length;
    box.replaceChildren(document.createTextNode(full.slice(0, end)));
    if (toCut > 0) {
      const mark = document.createElement("mark");
      mark.className = "overflow";
      mark.title = note.dataset.markTitle || "";
      mark.textContent = full.slice(end);
      box.append(mark);
    }
    note.hidden = toCut <= 0;
    note.textContent =
      toCut > 0
        ? interpolate(
            ngettext(
              "Cut %(count)s character to fit X: the part past the limit is marked in the preview.",
              "Cut %(count)s characters to fit X: the part past the limit is marked in the preview.",
              toCut,
            ),
            { count: toCut },
            true,
          )
        : "";
  }

  function drawXPreviews() {
    form.querySelectorAll('article.check[data-network="twitter"]').forEach(drawXPreview);
  }

  // "%(name)s" placeholders, as the template's translated messages write them.
  function format(template, values) {
    return (template || "").replace(/%\((\w+)\)s/g, (_match, key) => String(values[key] ?? ""));
  }

  form.addEventListener("input", drawXPreviews);
  form.addEventListener("change", drawXPreviews);
  if (checks) checks.addEventListener("htmx:afterSwap", drawXPreviews);

  // --- uploads: drop or pick files here; each goes to the library and is ticked at once --------------
  // The same endpoint as the library's page (posts/views_media.py); XMLHttpRequest, because
  // fetch() reports no upload progress.
  const uploadZone = document.querySelector("[data-composer-upload]");
  const mediaGrid = form.querySelector("[data-media-grid]");
  const csrfToken = () => field("csrfmiddlewaretoken").value;
  const say = (key, values) => format(uploadZone.dataset[key], values);

  // "1.5 MB", "1,5 Mo": the browser writes the number and the unit in the page's language.
  function formatSize(bytes) {
    const lang = document.documentElement.lang || undefined;
    const inUnit = (amount, unit, digits) =>
      new Intl.NumberFormat(lang, { style: "unit", unit, maximumFractionDigits: digits, minimumFractionDigits: digits }).format(amount);
    if (bytes >= 1024 * 1024 * 1024) return inUnit(bytes / (1024 * 1024 * 1024), "gigabyte", 1);
    if (bytes >= 1024 * 1024) return inUnit(bytes / (1024 * 1024), "megabyte", 1);
    return inUnit(Math.max(1, Math.round(bytes / 1024)), "kilobyte", 0);
  }

  // A quick check before sending hundreds of megabytes; the server checks again by content.
  function refusal(file) {
    const name = file.name;
    if (file.type && !/^(image|video)\//.test(file.type)) return say("msgWrongType", { name });
    const isVideo = /^video\//.test(file.type);
    const limit = Number(isVideo ? uploadZone.dataset.maxVideoBytes : uploadZone.dataset.maxImageBytes);
    if (file.type && limit && file.size > limit) {
      const kind = isVideo ? uploadZone.dataset.wordVideo : uploadZone.dataset.wordImage;
      return say("msgTooBig", { name, size: formatSize(file.size), kind, limit: formatSize(limit) });
    }
    return "";
  }

  function uploadRow(file) {
    const row = document.createElement("li");
    row.className = "upload-item";
    const name = document.createElement("strong");
    name.textContent = file.name;
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute("aria-label", file.name);
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    row.append(name, bar, status);
    uploadZone.querySelector("[data-upload-list]").append(row);
    return { row, bar, status };
  }

  function showRefusal(row, status, text) {
    row.classList.add("refused");
    status.setAttribute("role", "alert");
    status.className = "media-error";
    status.textContent = text;
  }

  // The server's reasons for a refusal, from posts/_upload_errors.html or an alt text card.
  function reasons(html) {
    const answer = new DOMParser().parseFromString(html, "text/html");
    return Array.from(answer.querySelectorAll(".media-error"), (error) => error.textContent.trim()).join(" ");
  }

  function attach(html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    const tile = template.content.firstElementChild;
    mediaGrid.prepend(tile);
    form.querySelector("[data-media-empty]")?.remove();
    // Ticked by the server: tell the live check, the counters and the autosave.
    tile.querySelector('input[name="media"]').dispatchEvent(new Event("change", { bubbles: true }));
    return tile;
  }

  function upload(file) {
    const { row, bar, status } = uploadRow(file);
    const refused = refusal(file);
    if (refused) {
      showRefusal(row, status, refused);
      return Promise.resolve();
    }
    const name = file.name;
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open("POST", uploadZone.dataset.url);
      xhr.setRequestHeader("HX-Request", "true");
      xhr.setRequestHeader("X-CSRFToken", csrfToken());
      xhr.upload.addEventListener("progress", (event) => {
        if (!event.lengthComputable) return;
        bar.value = Math.round((event.loaded / event.total) * 100);
        if (bar.value === 100) status.textContent = say("msgChecking", { name });
      });
      xhr.addEventListener("load", () => {
        if (xhr.status === 201) {
          bar.value = 100;
          const tile = attach(xhr.responseText);
          const isVisual = Boolean(tile.querySelector("[data-alt-text-editor]"));
          row.classList.add("done");
          status.textContent = say(isVisual ? "msgAttached" : "msgAttachedVideo", { name });
          tile.querySelector("[data-alt-text]")?.focus();
        } else if (xhr.status === 400) {
          showRefusal(row, status, reasons(xhr.responseText));
        } else {
          showRefusal(row, status, say("msgFailed", { name, status: xhr.status }));
        }
        resolve();
      });
      xhr.addEventListener("error", () => {
        showRefusal(row, status, say("msgDropped", { name }));
        resolve();
      });
      const body = new FormData();
      body.append("file", file);
      body.append("into", "composer");
      status.textContent = say("msgUploading", { name, size: formatSize(file.size) });
      xhr.send(body);
    });
  }

  // One at a time, in the order given: the server checks and cleans each file.
  function uploadAll(files) {
    return Array.from(files).reduce((previous, file) => previous.then(() => upload(file)), Promise.resolve());
  }

  function setUpUploads() {
    if (!uploadZone || !mediaGrid || !window.FormData) return;
    uploadZone.hidden = false;
    const input = uploadZone.querySelector('input[type="file"]');
    const dropZone = uploadZone.querySelector("[data-drop-zone]");
    // The file picker is not a field of the post: keep its events from the live check and autosave.
    ["input", "change", "focusin", "focusout"].forEach((type) =>
      uploadZone.addEventListener(type, (event) => event.stopPropagation()),
    );
    input.addEventListener("change", () => {
      const files = Array.from(input.files);
      input.value = "";
      uploadAll(files);
    });
    const hasFiles = (event) => Array.from(event.dataTransfer?.types || []).includes("Files");
    dropZone.addEventListener("dragover", (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      dropZone.classList.add("dragging");
    });
    dropZone.addEventListener("dragleave", () => dropZone.classList.remove("dragging"));
    dropZone.addEventListener("drop", (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      dropZone.classList.remove("dragging");
      uploadAll(event.dataTransfer.files);
    });
    // A file dropped beside the zone would make the browser open it, leaving the composer.
    window.addEventListener("dragover", (event) => hasFiles(event) && event.preventDefault());
    window.addEventListener("drop", (event) => hasFiles(event) && event.preventDefault());
  }

  // --- alt text, saved from the picker's tiles through the library's endpoint ------------------------
  function saveAltText(editor) {
    const textarea = editor.querySelector("[data-alt-text]");
    const status = editor.querySelector("[data-alt-text-status]");
    const body = new FormData();
    body.append("alt_text", textarea.value);
    status.classList.remove("media-error");
    status.textContent = "";
    const refused = (text) => {
      status.classList.add("media-error");
      status.textContent = text;
      textarea.setAttribute("aria-invalid", "true");
    };
    fetch(editor.dataset.url, {
      method: "POST",
      body,
      headers: { "HX-Request": "true", "X-CSRFToken": csrfToken() },
      credentials: "same-origin",
    })
      .then((response) =>
        response.text().then((html) => {
          if (!response.ok) {
            refused(reasons(html) || say("msgAltFailed", { status: response.status }));
            return;
          }
          textarea.removeAttribute("aria-invalid");
          const tile = editor.closest(".media-choice");
          tile.querySelector("label img").alt = textarea.value.trim();
          tile.querySelector("label small strong")?.remove();
          status.textContent = say("msgAltSaved");
          // The previews show the alt text, and a missing one is a problem on some networks.
          form.dispatchEvent(new Event("change"));
        }),
      )
      .catch(() => refused(say("msgAltFailed", { status: 0 })));
  }

  function setUpAltText() {
    if (!mediaGrid || !uploadZone) return;
    mediaGrid.querySelectorAll("[data-alt-text-editor]").forEach((editor) => {
      editor.hidden = false;
    });
    ["input", "change", "focusin", "focusout"].forEach((type) =>
      mediaGrid.addEventListener(type, (event) => {
        if (event.target.closest("[data-alt-text-editor]")) event.stopPropagation();
      }),
    );
    mediaGrid.addEventListener("click", (event) => {
      const button = event.target.closest("[data-save-alt-text]");
      if (button) saveAltText(button.closest("[data-alt-text-editor]"));
    });
  }

  syncTabs();
  drawXPreviews();
  setUpUploads();
  setUpAltText();
})();
