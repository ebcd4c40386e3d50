// PhysSocial's few lines of JavaScript. Every page works without them.

// Sign-up: start the time zone list at the browser's zone instead of the
// server's default. Only on a fresh form (the attribute is absent once the
// form comes back with what the person chose).
document.addEventListener("DOMContentLoaded", () => {
  const select = document.querySelector("select[data-guess-time-zone]");
  if (!select) return;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && Array.from(select.options).some((option) => option.value === zone)) {
    select.value = zone;
  }
});

// An account picture that no longer loads (the network moved it, or this
// server cannot reach it) would show as a broken-image icon; hide it instead.
// Capturing, because "error" on an <img> does not bubble.
document.addEventListener(
  "error",
  (event) => {
    if (event.target instanceof HTMLImageElement && event.target.classList.contains("avatar")) {
      event.target.hidden = true;
    }
  },
  true,
);
// Pictures that failed before this script ran.
document.addEventListener("DOMContentLoaded", () => {
  for (const image of document.querySelectorAll("img.avatar")) {
    if (image.complete && image.naturalWidth === 0) image.hidden = true;
  }
});
