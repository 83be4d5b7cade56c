// Small browser helpers the dashboard calls through JS interop.
window.vigil = {
  theme: {
    get: () => localStorage.getItem("vigil.theme"),
    set: (value) => localStorage.setItem("vigil.theme", value),
  },
};
