// The Calendar page: FullCalendar (vendored, static/vendor/fullcalendar-*) reading one visible range at a
// time from the server, with the filters and the time zone chosen above it. No inline script: the
// configuration comes from the json_script element "calendar-config". The page's language comes from
// <html lang>: FullCalendar's own locale file for it (calendar.html loads it) names the months and
// days, Django's formats give the first day of the week, and every word the calendar writes comes from
// our catalogues (config.text, or gettext from Django's JavaScript catalogue), in our own terms.
(function () {
  "use strict";

  const config = JSON.parse(document.getElementById("calendar-config").textContent);
  const text = config.text;
  const element = document.getElementById("calendar");
  const status = document.getElementById("calendar-status");
  const filters = document.getElementById("calendar-filters");
  const csrfToken = JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"];
  const SLOT_VIEWS = ["timeGridWeek", "timeGridDay"];
  let zone = config.zone;

  function say(message, isError) {
    status.textContent = message;
    status.classList.toggle("calendar-status-error", Boolean(isError));
  }

  function filterParams() {
    const params = {};
    new FormData(filters).forEach(function (value, name) {
      if (name !== "zone" && value !== "") {
        params[name] = value;
      }
    });
    return params;
  }

  // "2026-03-09T09:30": the wall-clock time of `date` in `timeZone`, as the calendar shows it.
  function wallClock(date, timeZone) {
    const parts = {};
    new Intl.DateTimeFormat("en-CA", {
      timeZone: timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(date)
      .forEach(function (part) {
        parts[part.type] = part.value;
      });
    return parts.year + "-" + parts.month + "-" + parts.day + "T" + parts.hour + ":" + parts.minute;
  }

  // Where a drop lands, as a wall-clock time in the calendar's zone. In the month view only the day
  // changes: the post keeps its time of day, whatever daylight saving does in between.
  function droppedAt(info) {
    const dropped = wallClock(info.event.start, zone);
    if (info.view.type === "dayGridMonth") {
      return dropped.slice(0, 10) + wallClock(info.oldEvent.start, zone).slice(10);
    }
    return dropped;
  }

  function moveUrl(targetId) {
    return config.moveUrl.replace("/0/", "/" + encodeURIComponent(targetId) + "/");
  }

  async function moveItem(info) {
    say(text.moving, false);
    const body = new FormData();
    body.append("start", droppedAt(info));
    body.append("time_zone", zone);
    let answer = null;
    try {
      const response = await fetch(moveUrl(info.event.id), {
        method: "POST",
        body: body,
        headers: { "X-CSRFToken": csrfToken, Accept: "application/json" },
        credentials: "same-origin",
      });
      answer = await response.json().catch(function () {
        return null;
      });
      if (!response.ok) {
        info.revert();
        say((answer && answer.detail && answer.detail.join(" ")) || text.moveFailed, true);
        return;
      }
    } catch (error) {
      info.revert();
      say(text.moveFailed, true);
      return;
    }
    say(answer.message, false);
    // The new time may free or take a slot of the queue, and the month view's copy must move too.
    calendar.refetchEvents();
  }

  // The free slot under a click, if any: the composer then opens at the slot's own time.
  function slotAt(date) {
    const slots = calendar.getEventSourceById("slots");
    if (!slots) {
      return null;
    }
    return (
      calendar.getEvents().find(function (event) {
        return event.source && event.source.id === "slots" && event.start <= date && date < event.end;
      }) || null
    );
  }

  function openComposer(info) {
    if (!config.mayDraft) {
      return;
    }
    let at = info.date;
    if (info.allDay) {
      // A day of the month view: the morning of that day.
      at = new Date(at.getTime() + 9 * 3600 * 1000);
    } else {
      const slot = slotAt(info.date);
      if (slot) {
        at = slot.start;
      }
    }
    window.location.assign(config.composeUrl + "?at=" + encodeURIComponent(at.toISOString()));
  }

  // The review dialog (calendar.html, for reviewers only): one set of forms, pointed at the post of
  // the item clicked. The forms are the review page's own; the server decides, as it does there.
  const reviewDialog = document.getElementById("review-dialog");
  // approve_post refuses a time more than a minute past (posts/services.py PAST_GRACE).
  const PAST_GRACE_MS = 60 * 1000;

  function describeTime(date) {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      timeZone: zone,
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      timeZoneName: "short",
    }).format(date);
  }

  // Back to this week of the calendar, in the same zone, once the answer is saved.
  function calendarAddress(date) {
    const params = new URLSearchParams({ date: wallClock(date, zone).slice(0, 10) });
    if (zone !== config.organizationZone) {
      params.set("zone", "mine");
    }
    return window.location.pathname + "?" + params.toString();
  }

  function openReview(info) {
    const review = info.event.extendedProps.review;
    if (!review || !reviewDialog) {
      return; // the item's link opens the post (or the live post, once published)
    }
    info.jsEvent.preventDefault();
    const passed = info.event.start.getTime() < Date.now() - PAST_GRACE_MS;
    reviewDialog.querySelector("[data-review-item]").textContent = info.event.title;
    reviewDialog.querySelector("[data-review-asked]").textContent = text.askedFor
      .replace("%(author)s", config.authors[review.author] || "")
      .replace("%(when)s", describeTime(info.event.start));
    reviewDialog.querySelector("[data-review-open]").setAttribute("href", info.event.url);
    reviewDialog.querySelector("[data-time-passed]").hidden = !passed;
    reviewDialog.querySelector("[data-time-upcoming]").hidden = passed;
    reviewDialog.querySelectorAll("form").forEach(function (form) {
      form.dataset.actionFor = form.dataset.actionFor || form.getAttribute("action");
      form.setAttribute("action", form.dataset.actionFor.replace("/0/", "/" + encodeURIComponent(review.post) + "/"));
      form.reset();
      form.querySelector('input[name="next"]').value = calendarAddress(info.event.start);
    });
    reviewDialog.querySelector('input[name="scheduled_at"]').required = passed;
    reviewDialog.querySelectorAll("details").forEach(function (details) {
      details.open = false;
    });
    reviewDialog.showModal();
  }

  if (reviewDialog) {
    reviewDialog.querySelector("[data-close-dialog]").addEventListener("click", function () {
      reviewDialog.close();
    });
  }

  // "Select several" (calendar.html, for those who may draft): while it is on, clicking an item (or
  // Enter or Space on it) selects its post instead of opening it, and the form below the button sends
  // the selected posts to the Bulk page, which confirms the count and then acts on each post.
  const selectButton = document.getElementById("calendar-select");
  const bulkForm = document.getElementById("calendar-bulk-form");
  // What the Bulk page lists (campaigns/views_import.py SELECTABLE); other items cannot change.
  const SELECTABLE_STATES = ["draft", "in_review", "scheduled"];
  const selectedPosts = new Set();
  let selecting = false;

  // The focusable part of an item: the item itself in the grids, its link in the list view.
  function itemControl(el) {
    return el.matches("a") ? el : el.querySelector("a") || el;
  }

  function markItem(el) {
    const chosen = selecting && selectedPosts.has(Number(el.dataset.post));
    el.classList.toggle("is-selected", chosen);
    const control = itemControl(el);
    if (selecting) {
      // The list view's items are buttons already; only the role we gave is taken back.
      if (!control.hasAttribute("role")) {
        control.setAttribute("role", "button");
        control.dataset.selectRole = "true";
      }
      control.setAttribute("aria-pressed", chosen ? "true" : "false");
    } else {
      if (control.dataset.selectRole) {
        control.removeAttribute("role");
        delete control.dataset.selectRole;
      }
      control.removeAttribute("aria-pressed");
    }
  }

  function markItems() {
    element.querySelectorAll(".calendar-item[data-post]").forEach(markItem);
  }

  function showSelection() {
    const count = selectedPosts.size;
    const phrase = ngettext("%(count)s post selected.", "%(count)s posts selected.", count);
    document.getElementById("calendar-selected").textContent = interpolate(phrase, { count: count }, true);
    const holder = bulkForm.querySelector("[data-selected-posts]");
    holder.replaceChildren();
    selectedPosts.forEach(function (post) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = "posts";
      input.value = String(post);
      holder.appendChild(input);
    });
    markItems();
  }

  function setSelecting(on) {
    selecting = on;
    selectedPosts.clear();
    selectButton.setAttribute("aria-pressed", on ? "true" : "false");
    bulkForm.hidden = !on;
    // No dragging while selecting: a slipped click must not move a post.
    calendar.setOption("editable", !on);
    showSelection();
  }

  function toggleItem(info) {
    info.jsEvent.preventDefault();
    const props = info.event.extendedProps;
    if (SELECTABLE_STATES.indexOf(props.state) === -1) {
      say(text.notSelectable, true);
      return;
    }
    if (selectedPosts.has(props.post)) {
      selectedPosts.delete(props.post);
    } else {
      selectedPosts.add(props.post);
    }
    say("", false);
    showSelection();
  }

  function clickItem(info) {
    if (selecting) {
      toggleItem(info);
    } else {
      openReview(info);
    }
  }

  if (selectButton && bulkForm) {
    selectButton.hidden = false;
    selectButton.addEventListener("click", function () {
      setSelecting(!selecting);
    });
    bulkForm.querySelector("[data-clear-selection]").addEventListener("click", function () {
      selectedPosts.clear();
      showSelection();
    });
    bulkForm.addEventListener("submit", function () {
      // Back to this week of the calendar once the posts have changed.
      bulkForm.querySelector('input[name="next"]').value = calendarAddress(calendar.getDate());
    });
    // Space presses a button; the items are links, which only Enter follows.
    element.addEventListener("keydown", function (event) {
      if (selecting && event.key === " " && event.target.getAttribute("role") === "button") {
        event.preventDefault();
        event.target.click();
      }
    });
  }

  function syncSlotSource(view) {
    const wanted = SLOT_VIEWS.indexOf(view.type) !== -1;
    const source = calendar.getEventSourceById("slots");
    if (wanted && !source) {
      calendar.addEventSource({
        id: "slots",
        url: config.slotsUrl,
        extraParams: filterParams,
        failure: function () {
          say(text.loadFailed, true);
        },
      });
    } else if (!wanted && source) {
      source.remove();
    }
  }

  // "Previous week", "Go to 9 March": the hints screen readers hear on FullCalendar's buttons and links.
  // Whole phrases, not "Previous %(unit)s": in French the adjective agrees with the unit.
  const HINTS = {
    prev: {
      day: gettext("Previous day"),
      week: gettext("Previous week"),
      month: gettext("Previous month"),
      year: gettext("Previous year"),
    },
    next: { day: gettext("Next day"), week: gettext("Next week"), month: gettext("Next month"), year: gettext("Next year") },
    today: { day: gettext("Today"), week: gettext("This week"), month: gettext("This month"), year: gettext("This year") },
  };
  function hint(button) {
    return function (unitText, unit) {
      return HINTS[button][unit] || unitText;
    };
  }

  const calendar = new FullCalendar.Calendar(element, {
    locale: document.documentElement.lang || "en",
    // 0 Sunday, 1 Monday: the language's formats (physsocial/formats/<language>/formats.py).
    firstDay: Number(get_format("FIRST_DAY_OF_WEEK")) || 0,
    timeZone: zone,
    initialView: "timeGridWeek",
    initialDate: config.initialDate || undefined,
    headerToolbar: { start: "prev,next today", center: "title", end: "dayGridMonth,timeGridWeek,timeGridDay,listMonth" },
    buttons: {
      today: { text: text.today },
      dayGridMonth: { text: text.month },
      timeGridWeek: { text: text.week },
      timeGridDay: { text: text.day },
      listMonth: { text: text.list },
    },
    allDayText: gettext("All day"),
    noEventsText: gettext("No posts in this period."),
    moreLinkText: function (count) {
      return interpolate(ngettext("+%(count)s more", "+%(count)s more", count), { count: count }, true);
    },
    moreLinkHint: function (count) {
      return interpolate(ngettext("Show %(count)s more post", "Show %(count)s more posts", count), { count: count }, true);
    },
    prevHint: hint("prev"),
    nextHint: hint("next"),
    todayHint: hint("today"),
    viewHint: function (buttonText) {
      return interpolate(gettext("%(view)s view"), { view: buttonText }, true);
    },
    viewChangeHint: gettext("Change view"),
    navLinkHint: function (dateText) {
      return interpolate(gettext("Go to %(date)s"), { date: dateText }, true);
    },
    closeHint: gettext("Close"),
    eventsHint: gettext("Posts"),
    timedText: gettext("Timed"),
    nowIndicator: true,
    // 24-hour times, as the rest of PhysSocial writes them ("09:30 EDT").
    eventTimeFormat: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    slotLabelFormat: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
    editable: true,
    eventDurationEditable: false,
    // Posts are instants; the server sends only their start (scheduler/calendar.py ITEM_LENGTH).
    defaultTimedEventDuration: "00:30",
    scrollTime: "07:00:00",
    eventSources: [
      {
        id: "posts",
        url: config.eventsUrl,
        extraParams: filterParams,
        failure: function () {
          say(text.loadFailed, true);
        },
      },
    ],
    // Not into the past; the server checks the rest, exactly as the composer does.
    eventAllow: function (dropInfo) {
      return dropInfo.start.getTime() > Date.now();
    },
    eventDrop: moveItem,
    eventClick: clickItem,
    // Drawn again (a new range, a moved item), a selected item stays marked.
    eventClass: function (info) {
      return selecting && selectedPosts.has(info.event.extendedProps.post) ? ["is-selected"] : [];
    },
    // Items that open the review dialog say so to screen readers.
    eventDidMount: function (info) {
      if (info.event.extendedProps.review && reviewDialog) {
        info.el.setAttribute("aria-haspopup", "dialog");
      }
      if (info.event.extendedProps.post) {
        info.el.dataset.post = String(info.event.extendedProps.post);
        markItem(info.el);
      }
    },
    dateClick: function (info) {
      if (!selecting) {
        openComposer(info);
      }
    },
    datesSet: function (info) {
      syncSlotSource(info.view);
    },
    // Screen readers (and the browser tests) learn when a range is still being fetched: items are
    // drawn again when it arrives.
    loading: function (isLoading) {
      element.setAttribute("aria-busy", isLoading ? "true" : "false");
    },
  });
  calendar.render();
  element.dataset.ready = "true";

  filters.addEventListener("change", function (event) {
    if (event.target.name === "zone") {
      // A new zone fetches the range again by itself.
      zone = event.target.value === "mine" ? config.userZone : config.organizationZone;
      calendar.setOption("timeZone", zone);
      return;
    }
    calendar.refetchEvents();
  });
})();
