/** The pane's controller and strings, handed down without threading props through every level. */
import { createContext, useContext, useSyncExternalStore } from "react";
import type { PaneController, PaneState } from "../controller";
import { stringsFor, type Strings } from "../i18n";

export const ControllerContext = createContext<PaneController | null>(null);
export const StringsContext = createContext<Strings>(stringsFor("zh-CN"));

export function useController(): PaneController {
  const controller = useContext(ControllerContext);
  if (!controller) throw new Error("ControllerContext is missing");
  return controller;
}

/** The controller's state; re-renders on every change. */
export function usePaneState(): PaneState {
  const controller = useController();
  return useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
}

export function useStrings(): Strings {
  return useContext(StringsContext);
}
