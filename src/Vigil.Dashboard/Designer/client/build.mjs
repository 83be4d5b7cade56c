// Bundles the designer canvas into the dashboard's wwwroot as one ES module; the dashboard build runs it when the
// sources or package-lock.json change. (tslib is a direct dependency because @antv/x6 imports it without declaring it.)
import { build } from "esbuild";

await build({
  entryPoints: ["src/designer.ts"],
  outfile: process.argv[2] ?? "../../../../wwwroot/js/designer/designer.js",
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  legalComments: "linked",
  logLevel: "warning",
});
