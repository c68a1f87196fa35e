/** Types for scripts/function-names.js (plain CommonJS so the webpack build can require it). */
export function nameProblem(name: unknown): string | null;
export function metadataNameProblems(
  metadata: { functions: Array<{ id: string; name: string }> },
  namespace?: string
): string[];
