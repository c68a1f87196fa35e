/**
 * Entry of the shared runtime page (taskpane.html). The custom functions register themselves in
 * the functions bundle that loads just before this one; this bundle only renders the placeholder
 * pane once Office is ready. A teammate's React task pane replaces this entry later.
 */
import { renderPlaceholder } from "./placeholder";

Office.onReady((info) => {
  renderPlaceholder(document, info.host ? String(info.host) : null);
});
