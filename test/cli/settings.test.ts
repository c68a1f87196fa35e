import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs, parseSetting, UsageError } from "../../src/cli/args";
import { main, settingsOf } from "../../src/cli/main";
import { DEFAULT_SETTINGS } from "../../src/engine";
import { makeTempDir, removeTempDir } from "../support/tmp";

async function run(argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await main(
    [...argv, "--quiet"],
    () => undefined,
    (line) => err.push(line)
  );
  return { code, err: err.join("\n") };
}

describe("settings on the command line", () => {
  let dir: string;
  beforeAll(() => (dir = makeTempDir("cli-settings")));
  afterAll(() => removeTempDir(dir));

  it("reads repeated --set id=value, checked against the catalogue", () => {
    const options = parseArgs([
      "县.xlsx",
      "--set",
      "cityExtraSportsArea=true",
      "--set",
      "specialSchoolFunding=8000",
      "--set",
      "cityExtraSportsArea=false",
    ]);
    expect(options.set).toEqual({ cityExtraSportsArea: false, specialSchoolFunding: 8000 });
    expect(parseSetting("excludePrivate=是")).toEqual({ id: "excludePrivate", value: true });
  });

  it.each([
    ["noSuchSetting=1", /没有名为「noSuchSetting」的设置。可用的设置：standard（评估标准）/],
    ["cityExtraSportsArea=maybe", /设置「cityExtraSportsArea」.*应为true 或 false/],
    ["cityExtraSportsArea", /应写成「设置=取值」/],
  ])(
    "refuses --set %s with exit 2 and a Chinese message, no stack trace",
    async (assignment, message) => {
      expect(() => parseArgs(["--set", assignment])).toThrow(UsageError);
      const { code, err } = await run(["--set", assignment]);
      expect(code).toBe(2);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/at .*\.ts:\d+/);
    }
  );

  it("layers the defaults, a settings file, --standard and --set, in that order", () => {
    const file = path.join(dir, "province.json");
    writeFileSync(
      file,
      JSON.stringify({
        standard: "2012",
        specialSchoolFunding: 8000,
        relaxations: { olderRoomAreas: true },
      })
    );
    const fromFile = settingsOf(parseArgs(["--settings", file]), false);
    expect(fromFile).toEqual({
      ...DEFAULT_SETTINGS,
      standard: "2012",
      specialSchoolFunding: 8000,
      relaxations: { ...DEFAULT_SETTINGS.relaxations, olderRoomAreas: true },
    });
    const argv = ["--settings", file, "--standard", "2017", "--set", "specialSchoolFunding=7000"];
    const layered = settingsOf(parseArgs(argv), true);
    expect(layered.standard).toBe("2017");
    expect(layered.specialSchoolFunding).toBe(7000);
    expect(layered.relaxations.olderRoomAreas).toBe(true);
  });

  it.each([
    ["missing.json", null, /找不到该文件/],
    ["bad.json", "{not json", /不是有效的 JSON/],
    ["list.json", "[1]", /应为 JSON 对象/],
    ["unknown.json", '{"colour": "red"}', /没有名为「colour」的设置/],
    ["typed.json", '{"cityExtraSportsArea": "yes"}', /cityExtraSportsArea.*无效/],
  ])(
    "refuses the settings file %s with exit 2, naming the file",
    async (name, content, message) => {
      const file = path.join(dir, name);
      if (content !== null) writeFileSync(file, content);
      const { code, err } = await run(["--settings", file]);
      expect(code).toBe(2);
      expect(err).toContain(`设置文件「${file}」`);
      expect(err).toMatch(message);
    }
  );
});
