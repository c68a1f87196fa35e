// jsdom (the task pane's React tests) lacks TextEncoder and TextDecoder, which every browser the
// add-in runs in has (the report's packed rows use them): give jsdom Node's. Both jest projects load this.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "util";

if (typeof globalThis.TextEncoder === "undefined") {
  Object.assign(globalThis, { TextEncoder: NodeTextEncoder, TextDecoder: NodeTextDecoder });
}
