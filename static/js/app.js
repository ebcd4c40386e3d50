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
