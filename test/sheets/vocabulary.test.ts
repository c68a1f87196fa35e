import { foldText } from "../../src/sheets/text";
import { matchHeader } from "../../src/sheets/vocabulary";

const match = (...parts: string[]) => matchHeader(parts.map(foldText));

describe("matchHeader: the wordings in use", () => {
  it.each([
    [["序 号"], "seq"],
    [["学校名称"], "name"],
    [["学校（校区）名称"], "name"],
    [["学校\n名称"], "name"],
    [["县（市、区）"], "county"],
    [["区县名称"], "county"],
    [["学校代码"], "code"],
    [["学校标识码"], "code"],
    [["举办者类型代码"], "owner"],
    [["学段"], "stage"],
    [["学校类型"], "stage"],
    [["办学类型"], "stage"],
    [["举办者类型"], "owner"],
    [["办学性质"], "owner"],
    [["在校生数"], "pupils"],
    [["在校学生数（人）"], "pupils"],
    [["学生数"], "pupils"],
    [["学生总数"], "pupils"],
    [["在校生人数"], "pupils"],
    [["义务教育阶段在校生数"], "pupils"],
    [["学校名称（全称）"], "name"],
    [["单位名称"], "name"],
    [["骨干教师（县级及以上）"], "teachers.backbone"],
    [["运动场地面积（㎡）"], "facilities.sportsGroundArea"],
    [["计算机数（台）"], "facilities.computers"],
    [["小学在校生数"], "pupils.primary"],
    [["初中部在校生数"], "pupils.junior"],
    [["在校生数", "小学"], "pupils.primary"],
    [["在校生数", "合计"], "pupils"],
    [["高中在校生数"], "seniorPupils"],
    [["专任教师数"], "teachers.fullTime"],
    [["教师情况", "专任教师"], "teachers.fullTime"],
    [["高于规定学历教师数"], "teachers.aboveDegree"],
    [["小学高于规定学历教师数"], "teachers.primary.aboveDegree"],
    [["高于规定学历教师数", "初中"], "teachers.junior.aboveDegree"],
    [["专任教师学历", "大专"], "teachers.byDegree.associate"],
    [["本科学历教师数"], "teachers.byDegree.bachelor"],
    [["研究生学历教师数"], "teachers.byDegree.master"],
    [["县级及以上骨干教师数"], "teachers.backbone"],
    [["县级以上骨干教师"], "teachers.backbone"],
    [["体育艺术专任教师数"], "teachers.peArts"],
    [["体育、艺术（音乐、美术）专任教师数（人）"], "teachers.peArts"],
    [["体育艺术专任教师数", "体育"], "teachers.pe"],
    [["体育艺术专任教师数", "美术"], "teachers.art"],
    [["音乐教师数"], "teachers.music"],
    [["教学及辅助用房面积（平方米）"], "facilities.teachingArea"],
    [["教学及辅助用房面积", "合计"], "facilities.teachingArea"],
    [["教学及辅助用房面积", "其中：室内体育用房"], "facilities.indoorSportsArea"],
    [["体育运动场馆面积"], "facilities.sportsArea"],
    [["体育运动场（馆）面积（㎡）"], "facilities.sportsArea"],
    [["体育运动场馆面积（m2）", "体育馆"], "facilities.sportsHallArea"],
    [["体育运动场馆面积（m2）", "运动场"], "facilities.sportsGroundArea"],
    [["教学仪器设备值"], "facilities.equipmentValue"],
    [["教学仪器设备总值（万元）"], "facilities.equipmentValue"],
    [["网络多媒体教室数"], "facilities.multimediaRooms"],
    [["网络多媒体教室（间）"], "facilities.multimediaRooms"],
    [["音乐专用教室", "间数"], "facilities.musicRooms"],
    [["音乐专用教室", "面积（㎡）"], "facilities.musicRoomArea"],
    [["班级数"], "classes"],
    [["年级数"], "grades"],
    [["最大班额"], "largestClass"],
    [["班额", "46-50人"], "classSizeBands.46-50"],
    [["56人以上"], "classSizeBands.56-"],
    [["每百名学生拥有高于规定学历教师数"], "given.L1"],
    [["每百名学生拥有县级及以上骨干教师数"], "given.L2"],
    [["每百名学生拥有体育、艺术（美术、音乐）专任教师数"], "given.L3"],
    [["生均教学及辅助用 房面积（ ㎡）"], "given.L4"],
    [["生均体育运动场馆面积（㎡）"], "given.L5"],
    [["生均教学仪器设备值（元）"], "given.L6"],
    [["每百名学生拥有网络多媒体 教室数"], "given.L7"],
    [["小学", "每百名学生拥有网络多媒体教室数"], "given.primary.L7"],
    [["每百名学生拥有计算机台数"], "given.B4"],
    [["生均图书册数（册）"], "given.B5"],
  ])("%j → %s", (parts, field) => {
    expect(match(...parts)?.field).toBe(field);
  });

  it("reads the unit written in the header", () => {
    expect(match("教学仪器设备总值（万元）")).toEqual({
      field: "facilities.equipmentValue",
      confidence: 1,
      unit: "万元",
    });
    expect(match("教学及辅助用房面积（㎡）")!.unit).toBe("m2");
    expect(match("教学仪器设备值万元")).toEqual({
      field: "facilities.equipmentValue",
      confidence: 1,
      unit: "万元",
    });
  });

  it("is less confident when only the group cell names the field", () => {
    expect(match("县级及以上骨干教师数")!.confidence).toBe(1);
    expect(match("在校生数", "小学")!.confidence).toBeLessThan(1);
    expect(match("教学及辅助用房面积", "合计")).toEqual({
      field: "facilities.teachingArea",
      confidence: 0.85,
    });
    // A header broken over two rows still matches.
    expect(match("学校", "名称")!.field).toBe("name");
  });

  it.each([
    ["某县2024年义务教育学校资源配置情况统计表"],
    ["L1"],
    ["1,234"],
    ["寄宿生数"],
    ["随迁子女学生数"],
    ["备注说明文字很长的一段话"],
    [""],
  ])("names no field for %j", (text) => {
    expect(match(text)).toBeNull();
  });
});
