// Component tests wait for debounced work (lint while typing, snapshot feeds). On a busy
// two-core machine a second is not always enough; five keeps them about behaviour, not speed.
import { configure } from "@testing-library/dom";

configure({ asyncUtilTimeout: 5_000 });
