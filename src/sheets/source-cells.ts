/**
 * A record's source cells (SourceRef.cells: field path → A1 address) kept compactly. A city has
 * a dozen cells per school, and as strings ("D123") with their object they were a third of every
 * record (~330 bytes; 100 MB at 300,000 schools, all of it copied by each young collection while
 * the reader runs). Here a record holds its sheet row and one character per cell (the column
 * index), the paths are shared by every record noted in the same order, and the addresses are
 * made when read. It reads as the plain object it replaces: `cells.name`, `cells["pupils.junior"]`,
 * `Object.keys`, `Object.entries`, spread, `JSON.stringify` and `toEqual` all see the same keys
 * and values in the same order. It is read-only: the reader notes every cell before it is made.
 */
import { columnLetters } from "./grid";

/** The paths of a record's cells in the order they were noted, shared through a trie. */
export interface PathNode {
  keys: readonly string[];
  next: Map<string, PathNode>;
}

/**
 * A fresh trie of path orders, one per table (so nothing outlives the records that use it).
 *
 * @example
 * const paths = pathOrders();
 * new SourceCellsBuilder(paths, 12);
 */
export function pathOrders(): PathNode {
  return { keys: [], next: new Map() };
}

/** Target of the proxy: the worksheet row, the shared paths, and one char code per path's column. */
interface Cells {
  row: number;
  keys: readonly string[];
  columns: string;
}

const letters: string[] = [];
function lettersOf(col: number): string {
  return (letters[col] ??= columnLetters(col));
}

function addressOf(target: Cells, key: string | symbol): string | undefined {
  if (typeof key !== "string") return undefined;
  const k = target.keys.indexOf(key);
  return k < 0 ? undefined : `${lettersOf(target.columns.charCodeAt(k))}${target.row}`;
}

const READ_ONLY = () => false;

const HANDLER: ProxyHandler<Cells> = {
  get: (target, key) =>
    addressOf(target, key) ?? (Object.prototype as Record<string | symbol, unknown>)[key],
  has: (target, key) => typeof key === "string" && target.keys.includes(key),
  ownKeys: (target) => [...target.keys],
  getOwnPropertyDescriptor: (target, key) => {
    const value = addressOf(target, key);
    return value === undefined
      ? undefined
      : { value, enumerable: true, configurable: true, writable: false };
  },
  getPrototypeOf: () => Object.prototype,
  set: READ_ONLY,
  defineProperty: READ_ONLY,
  deleteProperty: READ_ONLY,
};

/**
 * Collects one record's source cells, then makes the compact read-only object.
 *
 * @example
 * const cells = new SourceCellsBuilder(pathOrders(), 12);
 * cells.note("name", 2); cells.note("pupils.primary", 4);
 * const made = cells.make(); // reads as { name: "C12", "pupils.primary": "E12" }
 */
export class SourceCellsBuilder {
  private node: PathNode;
  private columns: number[] = [];

  /** `paths` from pathOrders() (one per table); `row`: the 1-based worksheet row of the record. */
  constructor(
    paths: PathNode,
    private readonly row: number
  ) {
    this.node = paths;
  }

  /** Notes the cell of a path, by 0-based worksheet column; a path noted again moves to its new cell. */
  note(path: string, column: number): void {
    let next = this.node.next.get(path); // a path already noted is never a child: no duplicate keys
    if (!next) {
      const at = this.node.keys.indexOf(path);
      if (at >= 0) {
        this.columns[at] = column; // as a plain object's property keeps its place when set again
        return;
      }
      next = { keys: [...this.node.keys, path], next: new Map() };
      this.node.next.set(path, next);
    }
    this.node = next;
    this.columns.push(column);
  }

  /** The cells as a read-only object of A1 addresses keyed by path. */
  make(): Record<string, string> {
    const target: Cells = {
      row: this.row,
      keys: this.node.keys,
      columns: String.fromCharCode(...this.columns),
    };
    return new Proxy(target, HANDLER) as unknown as Record<string, string>;
  }
}
