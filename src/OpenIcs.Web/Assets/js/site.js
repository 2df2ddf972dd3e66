// Starts the NHS.UK design system components (header menu, skip link, details, buttons).
import { initAll } from "/lib/nhsuk/nhsuk-frontend.min.js";

initAll();
