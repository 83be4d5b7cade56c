// Small browser helpers the dashboard calls through JS interop.
window.vigil = {
  theme: {
    get: () => localStorage.getItem("vigil.theme"),
    set: (value) => localStorage.setItem("vigil.theme", value),
  },
  // Marks the page once its Blazor circuit is live, so tests (and scripts) know clicks will be handled.
  markInteractive: () => document.body.setAttribute("data-vigil-interactive", "true"),
};
