// Office's rules for custom-function ids and names (Microsoft's "custom functions naming
// guidelines"): at least three characters, only letters (Chinese included), digits, periods and
// underscores, starting with a letter, and never something Excel could read as a cell reference
// (PER100 is column PER, row 100; R1C1 and R2C are R1C1-style references). Excel may refuse to
// register such a function or resolve the name as a reference instead.
// Plain CommonJS: the webpack build (scripts/localize-metadata.js) and the tests both use it.
"use strict";

const ALLOWED = /^\p{L}[\p{L}\p{N}._]*$/u;
/** Up to three column letters then a row number: A1, AB12, PER100, XFD1048576. */
const A1_LIKE = /^[A-Za-z]{1,3}[0-9]+$/;
/** R1C1 style: R, C, RC, R2C, RC3, R1C1, R12, C7 (case-insensitive, as Excel reads them). */
const R1C1_LIKE = /^(R[0-9]*C?[0-9]*|C[0-9]*)$/i;

/**
 * Why a custom-function id or name breaks Office's rules, or null when it abides by them. The
 * namespace prefix (JH.) is part of what Excel shows, so each dot-separated part is checked too.
 *
 * @example
 * nameProblem("PERHUNDRED"); // null
 * nameProblem("PER100");     // "PER100 reads as a cell reference (A1 style)"
 * nameProblem("差额");        // "差额 has fewer than 3 characters"
 */
function nameProblem(name) {
  if (typeof name !== "string" || name === "") return "the name is empty";
  if ([...name].length < 3) return `${name} has fewer than 3 characters`;
  if (!ALLOWED.test(name))
    return `${name} may hold only letters, digits, "." and "_", starting with a letter`;
  for (const part of name.split(".")) {
    if (A1_LIKE.test(part)) return `${name} reads as a cell reference (A1 style)`;
    if (R1C1_LIKE.test(part)) return `${name} reads as a cell reference (R1C1 style)`;
  }
  return null;
}

/**
 * Every rule-breaking id or name in a metadata object (functions.json or a localized copy), each
 * as "ID: reason"; empty when all abide. Names are checked with the JH. namespace Excel adds.
 *
 * @example
 * metadataNameProblems({ functions: [{ id: "CV", name: "CV" }] }, "JH");
 * // ["CV: id CV has fewer than 3 characters", "CV: name CV has fewer than 3 characters"]
 */
function metadataNameProblems(metadata, namespace = "JH") {
  const problems = [];
  for (const fn of metadata.functions) {
    const idProblem = nameProblem(fn.id);
    if (idProblem) problems.push(`${fn.id}: id ${idProblem}`);
    const problem = nameProblem(fn.name) ?? nameProblem(`${namespace}.${fn.name}`);
    if (problem) problems.push(`${fn.id}: name ${problem}`);
  }
  return problems;
}

module.exports = { nameProblem, metadataNameProblems };
