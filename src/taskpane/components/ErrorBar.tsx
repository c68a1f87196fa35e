/** What went wrong, in words, with a way to dismiss it. Never a stack trace. */
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { useController, usePaneState, useStrings } from "./context";

export function ErrorBar() {
  const t = useStrings();
  const controller = useController();
  const { error } = usePaneState();
  if (!error) return null;
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {error}
      </MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={() => controller.dismissError()}>
          {t.dismiss}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
