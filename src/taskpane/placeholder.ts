import ZH_CN from "../functions/zh-cn.json";

/**
 * The shared runtime's placeholder pane (the real task pane replaces it): says the add-in is
 * loaded and lists the JH functions with their Chinese names. Plain DOM, no Office calls.
 */
export function renderPlaceholder(doc: Document, hostName: string | null): void {
  const status = doc.getElementById("status");
  if (status) {
    status.textContent = hostName
      ? `已在 ${hostName} 中加载。可在单元格中输入 =JH. 使用以下函数：`
      : "未在 Excel 中运行：自定义函数只在 Excel 中可用。";
  }
  const app = doc.getElementById("app");
  if (!app) return;
  const list = doc.createElement("ul");
  list.id = "functions";
  for (const [id, entry] of Object.entries(ZH_CN)) {
    const item = doc.createElement("li");
    // textContent, not innerHTML: names are data, never markup.
    item.textContent = `JH.${id}（JH.${entry.name}）：${entry.description}`;
    list.appendChild(item);
  }
  app.appendChild(list);
}
