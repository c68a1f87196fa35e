import { sampleCounty, checkSampleCounty } from "./scripts/sample-county";
import { audit } from "./src/engine";
const t = Date.now();
const s = sampleCounty();
console.log("ms", Date.now() - t, s.spread);
const r = audit(s.records);
for (const st of ["primary","junior"] as const) { const x = r.stages![st]; console.log(st, x.compositeCv, x.students, x.schools, Object.values(x.indicators).map(i => [i.id, i.cv?.toFixed(3), i.mean?.toFixed(2)])); }
console.log(checkSampleCounty(s.records, r));
console.log(JSON.stringify(s.records.slice(0,2)));
console.log(s.records.map(r => r.name + ":" + Object.values(r.stages).map(x=>x!.pupils).join("+")).join(" "));
