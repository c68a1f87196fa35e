/**
 * The browser test's Excel over the small county's source sheets (see installFakeExcel.ts).
 */
import { smallCountyGrids } from "../../support/smallCountyWorkbook";
import { installFakeExcel } from "./installFakeExcel";

installFakeExcel(smallCountyGrids());
