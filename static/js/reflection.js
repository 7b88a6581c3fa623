// Hinders and drivers, progressive enhancement only: every page works the same without this script.
import { countCharacters, focusErrorSummary, guardUnsaved } from "./forms.js";

focusErrorSummary();
// Long answers: the count shows only when the limit comes near.
countCharacters({ shown: (count, max) => count >= max * 0.8 });
// Answers are saved per part: ask before leaving a part with changes that were not saved yet.
guardUnsaved();
