/**
 * The browser test's Excel over the small county with a typo'd school row and a county form whose
 * G11 fails (test/support/incompleteCountyWorkbook.ts).
 */
import { incompleteCountyGrids } from "../../support/incompleteCountyWorkbook";
import { installFakeExcel } from "./installFakeExcel";

installFakeExcel(incompleteCountyGrids());
