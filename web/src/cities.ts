// The sixteen cities of Anhui (地级市) by GB/T 2260 code: the API sends codes, officials read names.
const names: Record<string, string> = {
  "340100": "合肥", "340200": "芜湖", "340300": "蚌埠", "340400": "淮南", "340500": "马鞍山", "340600": "淮北",
  "340700": "铜陵", "340800": "安庆", "341000": "黄山", "341100": "滁州", "341200": "阜阳", "341300": "宿州",
  "341500": "六安", "341600": "亳州", "341700": "池州", "341800": "宣城",
};

export function cityName(code: string): string {
  return names[code] ?? code;
}
