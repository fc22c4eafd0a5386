/** The message dialog: shows the text from its hash (always as text) and closes on request. */
const params = new URLSearchParams(location.hash.slice(1));
const isEnglish = params.get("lang") === "en";
document.documentElement.lang = isEnglish ? "en" : "zh-CN";
const byId = (id: string): HTMLElement => document.getElementById(id) ?? document.body;
byId("title").textContent = isEnglish ? "PerfScore did not finish" : "绩效评分未完成计算";
byId("message").textContent = params.get("message") ?? "";
const close = byId("close");
close.textContent = isEnglish ? "Close" : "关闭";
close.addEventListener("click", () => {
  if (typeof Office !== "undefined") Office.context.ui.messageParent("close");
});
close.focus();

export {};
