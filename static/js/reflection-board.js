// The group board follows the session (static/js/live-page.js): revealed, themes merged, quotes hidden or
// new answers show up within seconds. Without this script the page works the same; people reload it.
import { followPage } from "./live-page.js";

followPage();
