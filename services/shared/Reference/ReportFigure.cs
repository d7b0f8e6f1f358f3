namespace Industry.ServiceDefaults.Reference;

/// <summary>
/// One figure of the department's 2023 work report (<c>report-figures.csv</c>): an actual for 2023 or a target for
/// 2024, with the sentence of the report it comes from.
/// </summary>
public sealed record ReportFigure(string Id, string Programme, string Metric, string Period, string Kind, decimal Value, string Unit, string SourceZh);
