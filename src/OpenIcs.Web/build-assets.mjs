// Copies the front-end packages' built files into Assets/, which the build embeds in the web app.
// No CDN: the NHS.UK stylesheet's @font-face rules that fetch Frutiger from an external host are dropped, so pages fall
// back to the design system's own font stack (Arial) and the browser never calls out.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "Assets");

function copy(from, to) {
  mkdirSync(dirname(join(out, to)), { recursive: true });
  cpSync(join(modules, from), join(out, to), { recursive: true });
}

const nhsuk = "nhsuk-frontend/dist/nhsuk";
const css = readFileSync(join(modules, nhsuk, "nhsuk-frontend.min.css"), "utf8");
const externalFontFace = /@font-face\{[^}]*url\(https?:[^}]*\}/g;
mkdirSync(join(out, "lib/nhsuk"), { recursive: true });
writeFileSync(join(out, "lib/nhsuk/nhsuk-frontend.min.css"), css.replace(externalFontFace, ""));
copy(`${nhsuk}/nhsuk-frontend.min.js`, "lib/nhsuk/nhsuk-frontend.min.js");
copy(`${nhsuk}/assets/images`, "assets/images");
copy("leaflet/dist/leaflet.js", "lib/leaflet/leaflet.js");
copy("leaflet/dist/leaflet.css", "lib/leaflet/leaflet.css");
copy("leaflet/dist/images", "lib/leaflet/images");
copy("chart.js/dist/chart.umd.min.js", "lib/chart.js/chart.umd.min.js");

mkdirSync(join(out, "data"), { recursive: true });
cpSync(join(here, "../../data/reference/london_boroughs.geojson"), join(out, "data/london-boroughs.geojson"));
