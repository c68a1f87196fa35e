"""
The peer a bureau could write itself: a values-only audit of the bench's big workbook with pandas
and openpyxl (Debian's python3-pandas, python3-openpyxl). Reads the 全市学校 sheet, computes the
seven indicators per school part, the enrolment-weighted CV per county, stage and indicator and
each school's verdict, and writes the results (values, no formulas, no formatting) to an .xlsx.
Prints one JSON line: wall seconds of each step and the peak RSS in MB.
Usage: python3 bench/peer_audit.py input.xlsx output.xlsx
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

# 2017 standard (教督〔2017〕6号): per 100 pupils unless noted; CV limits 0.50 / 0.45.
THRESHOLDS = {
    "小学": {"L1": 4.2, "L2": 1.0, "L3": 0.9, "L4": 4.5, "L5": 7.5, "L6": 2000, "L7": 2.3},
    "初中": {"L1": 5.3, "L2": 1.0, "L3": 0.9, "L4": 5.8, "L5": 10.2, "L6": 2500, "L7": 2.4},
}
CV_LIMIT = {"小学": 0.50, "初中": 0.45}
COLUMNS = ["序号", "区县", "学校名称", "学段", "在校生数", "班级数", "最大班额", "专任教师", "高学历教师", "骨干教师", "体艺教师", "教学用房", "运动场馆", "仪器设备万元", "多媒体教室"]


def main(source: str, target: str) -> None:
    started = time.perf_counter()
    table = pd.read_excel(source, sheet_name="全市学校", header=None, skiprows=4, engine="openpyxl")
    table = table.iloc[:, : len(COLUMNS)]
    table.columns = COLUMNS
    table = table[table["区县"].notna() & table["学段"].isin(["小学", "初中"])].copy()
    read = time.perf_counter()

    pupils = table["在校生数"].astype(float)
    table["L1"] = table["高学历教师"] * 100 / pupils
    table["L2"] = table["骨干教师"] * 100 / pupils
    table["L3"] = table["体艺教师"] * 100 / pupils
    table["L4"] = table["教学用房"] / pupils
    table["L5"] = table["运动场馆"] / pupils
    table["L6"] = table["仪器设备万元"] * 10000 / pupils
    table["L7"] = table["多媒体教室"] * 100 / pupils
    indicators = ["L1", "L2", "L3", "L4", "L5", "L6", "L7"]
    met = np.zeros(len(table), dtype=int)
    above85 = np.ones(len(table), dtype=bool)
    for stage, limits in THRESHOLDS.items():
        rows = (table["学段"] == stage).to_numpy()
        for ind in indicators:
            values = table[ind].to_numpy()
            met += (rows & (values >= limits[ind])).astype(int)
            above85 &= ~rows | (values >= 0.85 * limits[ind])
    table["达标项数"] = met
    table["学校达标"] = np.where((met >= 6) & above85, "达标", "未达标")

    cv_rows = []
    for (county, stage), group in table.groupby(["区县", "学段"], sort=False):
        weights = group["在校生数"].to_numpy(dtype=float)
        for ind in indicators:
            x = group[ind].to_numpy(dtype=float)
            mean = np.average(x, weights=weights)
            sd = np.sqrt(np.average((x - mean) ** 2, weights=weights))
            cv = sd / mean if mean else float("nan")
            cv_rows.append({"区县": county, "学段": stage, "指标": ind, "加权平均": mean, "标准差": sd, "差异系数": cv, "结论": "达标" if cv <= CV_LIMIT[stage] else "未达标"})
    cv = pd.DataFrame(cv_rows)
    audited = time.perf_counter()

    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        table[["区县", "学校名称", "学段", "在校生数", *indicators, "达标项数", "学校达标"]].to_excel(writer, sheet_name="学校达标", index=False)
        cv.to_excel(writer, sheet_name="差异系数", index=False)
    written = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"read": read - started, "audit": audited - read, "write": written - audited, "total": written - started, "maxRssMb": peak_mb, "schools": int(len(table))}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
