import type { Standard } from "./standard";

/**
 * 县域义务教育发展基本均衡 (2012), kept for comparison. No per-school thresholds: the county
 * composite CV (mean of the eight) must stay within 0.65 (小学) / 0.55 (初中), the widely cited
 * limits (not found verbatim in the original).
 */
export const STANDARD_2012: Standard = {
  id: "2012",
  name: "基本均衡（2012）",
  label: { zh: "2012 基本均衡（对照）", en: "2012 basic balance (comparison)" },
  document: "教督〔2012〕3号",
  indicators: [
    {
      id: "B1",
      name: "生均教学及辅助用房面积",
      shortName: "教学用房",
      aliases: ["教学及辅助用房"],
      unit: "平方米",
      measure: "teachingArea",
      scale: 1,
    },
    {
      id: "B2",
      name: "生均体育运动场馆面积",
      shortName: "运动场馆",
      aliases: ["体育运动场馆"],
      unit: "平方米",
      measure: "sportsArea",
      scale: 1,
    },
    {
      id: "B3",
      name: "生均教学仪器设备值",
      shortName: "仪器设备",
      aliases: ["教学仪器设备值"],
      unit: "元",
      measure: "equipmentValue",
      scale: 1,
    },
    {
      id: "B4",
      name: "每百名学生拥有计算机台数",
      shortName: "计算机",
      aliases: ["计算机台数"],
      unit: "台",
      measure: "computers",
      scale: 100,
    },
    {
      id: "B5",
      name: "生均图书册数",
      shortName: "图书",
      aliases: ["图书册数"],
      unit: "册",
      measure: "books",
      scale: 1,
    },
    {
      id: "B6",
      name: "师生比",
      shortName: "师生比",
      aliases: ["每百名学生专任教师数"],
      unit: "人/百名学生",
      measure: "teachers",
      scale: 100,
    },
    {
      id: "B7",
      name: "生均高于规定学历教师数",
      shortName: "高学历教师",
      aliases: ["高于规定学历教师"],
      unit: "人/百名学生",
      measure: "aboveDegreeTeachers",
      scale: 100,
    },
    {
      id: "B8",
      name: "生均中级及以上专业技术职务教师数",
      shortName: "中级职称教师",
      aliases: ["中级及以上专业技术职务教师"],
      unit: "人/百名学生",
      measure: "seniorTitleTeachers",
      scale: 100,
    },
  ],
  cvRule: { mode: "composite", limits: { primary: 0.65, junior: 0.55 } },
};
