// Each figure's definition (口径), shown on hover and read by screen readers (aria-describedby): the wording of
// docs/progress-figures.md and the proto comments, in Chinese.
export const definitions = {
  provincialSmeClusters: "当年新认定的省级中小企业特色产业集群数（报告口径 C1）。",
  nationalSmeClusters: "当年新认定（含升级）的国家级中小企业特色产业集群数（C2）。",
  innovativeSmes: "当年新认定的创新型中小企业数（C9）。",
  specializedSmes: "当年新认定的专精特新中小企业数（C7）。",
  littleGiants: "当年新认定的专精特新“小巨人”企业数（C8）。",
  newAboveSize: "当年新增规模以上工业企业数（C6）。",
  aboveSizeTotal: "年末规模以上工业企业总数（C5）。",
  keyProjects: "在建亿元以上重点技改项目数：截至所选月末已开工、且未在当年 1 月 1 日前竣工的重点（KEY/MAJOR）项目，新开工与续建合计（P1）。",
  completedInvestment: "1 月至所选月各项目月报完成的技改投资之和（亿元）。",
  investmentGrowth: "技改投资同比增速：(本年累计 ÷ 上年同期累计 − 1) × 100（P2）；上年同期为 0 时不计。",
  timeSchedule: "序时进度：所选月 ÷ 12 × 100。",
  behindSchedule: "今日滞后于序时进度的在建项目数：已过计划竣工日期，或计划工期已用比例超过投资完成比例达容差（默认 10 个百分点）以上。",
  startRate: "开工率：计划当年开工的项目中，截至所选月末已实际开工的比例。",
  completionRate: "竣工率：计划当年竣工的项目中，截至所选月末已实际竣工的比例。",
  parksCertified: "当年认定的数字化转型示范园区数（D1，目标 D2）。",
  enterprisesTransformed: "当年有任一级别数字化转型里程碑的企业数，跨园区只计一次（D3，目标 D4）。",
  workshopsFactoriesLeaders: "当年认定的数字化车间、智能工厂和数字化领航企业数（目标 D5）。",
  targetCompletion: "目标完成率：实际 ÷ 目标 × 100；未设目标时不计。",
  monthlyCurve: "1 月至各月累计完成的技改投资（亿元）及其同比增速。",
  missingReports: "所选月份应报未报月度投资的项目：截止日前为“待报”，截止日后为“未报”。",
} as const;

export type DefinitionKey = keyof typeof definitions;
