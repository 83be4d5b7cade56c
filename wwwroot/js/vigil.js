// Small browser helpers the dashboard calls through JS interop.
window.vigil = {
  theme: {
    get: () => localStorage.getItem("vigil.theme"),
    set: (value) => localStorage.setItem("vigil.theme", value),
  },
  // Marks the page once its Blazor circuit is live, so tests (and scripts) know clicks will be handled.
  markInteractive: () => document.body.setAttribute("data-vigil-interactive", "true"),
  // Kiosk mode for a wall display: hides the app bar and navigation; Escape leaves it.
  kiosk: {
    set: (on) => document.body.classList.toggle("vigil-kiosk", on),
    toggle: () => document.body.classList.toggle("vigil-kiosk"),
  },
};
document.addEventListener("keydown", (e) => { if (e.key === "Escape") document.body.classList.remove("vigil-kiosk"); });
