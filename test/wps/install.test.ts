/**
 * install.sh as a bureau runs it on Linux: a fresh install, an upgrade that replaces only its own
 * publish.xml line, and a publish.xml of other add-ins left for the user to merge (never lost).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { addinIdentity, installScripts, publishXml } from "../../scripts/wps-addin";
import { makeTempDir, removeTempDir } from "../support/tmp";

const identity = addinIdentity();
const folder = `${identity.name}_${identity.version}`;
let dir: string;
let jsaddons: string;

beforeEach(() => {
  dir = makeTempDir("wps-install");
  const pkg = path.join(dir, "pkg");
  fs.mkdirSync(path.join(pkg, folder), { recursive: true });
  fs.writeFileSync(path.join(pkg, folder, "ribbon.xml"), "<customUI/>");
  fs.writeFileSync(path.join(pkg, "install.sh"), installScripts(identity).sh);
  fs.writeFileSync(path.join(pkg, "publish.xml"), publishXml(identity));
  jsaddons = path.join(dir, "home", ".local", "share", "Kingsoft", "wps", "jsaddons");
});
afterEach(() => removeTempDir(dir));

function install(): string {
  return execFileSync("sh", [path.join(dir, "pkg", "install.sh")], {
    env: { ...process.env, HOME: path.join(dir, "home") },
    encoding: "utf8",
  });
}

function published(): string {
  return fs.readFileSync(path.join(jsaddons, "publish.xml"), "utf8");
}

it("installs the folder and publish.xml into a new jsaddons directory", () => {
  expect(install()).toContain("安装完成");
  expect(fs.existsSync(path.join(jsaddons, folder, "ribbon.xml"))).toBe(true);
  expect(published()).toBe(publishXml(identity));
});

it("on an upgrade replaces only its own line; other add-ins stay", () => {
  fs.mkdirSync(jsaddons, { recursive: true });
  const other = '<jsplugin name="other" type="et" url="other_1" version="1"/>';
  fs.writeFileSync(
    path.join(jsaddons, "publish.xml"),
    `<jsplugins>\n  ${other}\n  <jsplugin name="${identity.name}" type="et" url="${identity.name}_0.0.1" version="0.0.1" enable="enable_dev"/>\n</jsplugins>\n`
  );
  install();
  expect(published()).toContain(other);
  expect(published()).toContain(`url="${folder}" version="${identity.version}"`);
  expect(published()).not.toContain("0.0.1");
});

it("leaves another add-in's publish.xml as it was and says what to merge", () => {
  fs.mkdirSync(jsaddons, { recursive: true });
  const before =
    '<jsplugins>\n  <jsplugin name="other" type="et" url="other_1" version="1"/>\n</jsplugins>\n';
  fs.writeFileSync(path.join(jsaddons, "publish.xml"), before);
  expect(install()).toContain("请把");
  expect(published()).toBe(before);
});
