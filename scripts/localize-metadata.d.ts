/** Types for scripts/localize-metadata.js (plain CommonJS so webpack.config.js can require it). */
export interface MetadataParameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}
export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  parameters?: MetadataParameter[];
  result?: { type?: string; dimensionality?: string };
}
export interface Metadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}
export type TranslationTable = Record<
  string,
  {
    name: string;
    description: string;
    parameters: Record<string, { name: string; description: string }>;
  }
>;
export const TABLE_PATH: string;
export function readTable(file?: string): TranslationTable;
export function localizeMetadata(metadata: Metadata, table: TranslationTable): Metadata;
export function localizeMetadataJson(metadataJson: string, table?: TranslationTable): string;
export class LocalizedMetadataPlugin {
  constructor(options?: { source?: string; output?: string; table?: string });
  apply(compiler: unknown): void;
}
