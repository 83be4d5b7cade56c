// Bundles the designer into the dashboard's wwwroot as ES modules: the canvas (designer.js) and the expression editor
// (code-editor.js, CodeMirror), kept apart so the canvas opens without parsing the editor. The dashboard build runs
// this when the sources or package-lock.json change. (tslib is a direct dependency because @antv/x6 imports it
// without declaring it.)
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { dirname } from "node:path";

// esbuild strips types without checking them: type-check first, so a type error fails the dashboard build.
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "."], { stdio: "inherit" });

await build({
  entryPoints: ["src/designer.ts", "src/code-editor.ts"],
  outdir: dirname(process.argv[2] ?? "../../../../wwwroot/js/designer/designer.js"),
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  legalComments: "linked",
  logLevel: "warning",
});
