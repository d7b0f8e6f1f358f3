// The services behind the sections, named as the "unavailable" notices name them.
export const services = {
  cluster: "集群服务（cluster）",
  projects: "项目服务（projects）",
  parks: "园区服务（parks）",
  gateway: "网关总览服务（gateway）",
} as const;
