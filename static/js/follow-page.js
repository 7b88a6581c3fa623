// A page that follows the session (static/js/live-page.js): the group board, the entry pages of the network
// and reflection activities. New answers, a revealed board or a newly opened moment show up within seconds.
// Without this script the pages work the same; people reload them.
import { followPage } from "./live-page.js";

followPage();
