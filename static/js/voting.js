// Statement voting, progressive enhancement only: the page works the same without this script.
import { countCharacters, focusErrorSummary } from "./forms.js";

focusErrorSummary();
// A reason's count shows once the learner starts writing.
countCharacters({ shown: (count) => count > 0 });
