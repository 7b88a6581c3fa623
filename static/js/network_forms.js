// Network drawing forms, progressive enhancement only: the pages work the same without this script.

import { focusErrorSummary } from "./forms.js";

focusErrorSummary();
