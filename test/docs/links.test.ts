import * as fs from "fs";
import * as path from "path";

/**
 * A clone of the repository stands alone: every link in its Markdown pages (README.md, docs/,
 * the READMEs beside the code) points at a file inside the repository, or at a heading of the
 * page itself, never at the team's folders outside it (../shared) nor at the web.
 */
const ROOT = path.join(__dirname, "..", "..");
const SKIP = new Set(["node_modules", "dist", "build", "coverage", "test-artifacts", ".git"]);

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith(".md") ? [full] : [];
  });
}

/** Link targets of a Markdown text, outside code: [text](target), ![alt](target), [id]: target, <a href>. */
function linkTargets(markdown: string): string[] {
  const prose = markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
  const inline = [...prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(
    (m) => m[1]
  );
  const reference = [...prose.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map(
    (m) => m[1]
  );
  const html = [...prose.matchAll(/<a\s[^>]*href="([^"]+)"/g)].map((m) => m[1]);
  return [...inline, ...reference, ...html];
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(markdown: string): Set<string> {
  const prose = markdown.replace(/```[\s\S]*?```/g, "");
  return new Set([...prose.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1])));
}

/** Why a link target does not resolve inside the repository, or null when it does. */
function problem(file: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//"))
    return "points outside the repository";
  const [rawPath, anchor] = target.split("#", 2);
  const linked =
    rawPath === "" ? file : path.resolve(path.dirname(file), decodeURIComponent(rawPath));
  const relative = path.relative(ROOT, linked);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return "leaves the repository";
  if (!fs.existsSync(linked)) return "names no file of the repository";
  if (anchor && linked.endsWith(".md") && !anchors(fs.readFileSync(linked, "utf8")).has(anchor))
    return `has no heading #${anchor}`;
  return null;
}

const FILES = markdownFiles(ROOT);

describe("links in the repository's Markdown", () => {
  it("finds the README, docs/rules.md and docs/audit-result.md", () => {
    const names = FILES.map((f) => path.relative(ROOT, f));
    expect(names).toEqual(
      expect.arrayContaining([
        "README.md",
        path.join("docs", "rules.md"),
        path.join("docs", "audit-result.md"),
      ])
    );
  });

  it.each(FILES.map((f) => [path.relative(ROOT, f), f]))(
    "every link of %s resolves inside the repository",
    (_name, file) => {
      const text = fs.readFileSync(file, "utf8");
      const broken = linkTargets(text)
        .map((target) => [target, problem(file, target)])
        .filter(([, why]) => why !== null);
      expect(broken).toEqual([]);
    }
  );

  it("the README links to the rules page and names nothing outside the repository", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(linkTargets(readme)).toContain("docs/rules.md");
    expect(readme).not.toMatch(/shared\/|domain\.md/);
  });

  it.each(FILES.map((f) => [path.relative(ROOT, f), f]))(
    "%s has no bare web address that a viewer would turn into a link",
    (_name, file) => {
      // Addresses to type or paste (the office.js CDNs) belong in code spans, where they stay text.
      const prose = fs
        .readFileSync(file, "utf8")
        .replace(/```[\s\S]*?```/g, "")
        .replace(/`[^`\n]*`/g, "");
      expect(prose.match(/\b(?:https?:\/\/|www\.)\S+/g) ?? []).toEqual([]);
    }
  );
});

describe("the link checker itself", () => {
  const readme = path.join(ROOT, "README.md");

  it("reads inline, image, reference and HTML links, not code", () => {
    const text =
      'See [rules](docs/rules.md) ![i](assets/icon-16.png)\n[ref]: docs/x.md\n<a href="a.md">a</a> `[no](code.md)`\n```\n[no](block.md)\n```\n';
    expect(linkTargets(text)).toEqual(["docs/rules.md", "assets/icon-16.png", "docs/x.md", "a.md"]);
  });

  it("refuses a team folder outside the clone, a missing file, the web, and a missing heading", () => {
    expect(problem(readme, "../shared/domain.md")).toBe("leaves the repository");
    expect(problem(readme, "docs/nothing.md")).toBe("names no file of the repository");
    expect(problem(readme, "https://example.com/")).toBe("points outside the repository");
    expect(problem(readme, "docs/rules.md#no-such-heading")).toBe(
      "has no heading #no-such-heading"
    );
  });

  it("accepts a file of the repository and a heading that exists", () => {
    expect(problem(readme, "docs/rules.md")).toBeNull();
    expect(problem(path.join(ROOT, "docs", "rules.md"), "#english-summary")).toBeNull();
    expect(problem(readme, "docs/rules.md#english-summary")).toBeNull();
  });
});
