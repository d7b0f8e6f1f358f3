namespace Industry.Clusters.Domain;

/// <summary>
/// 认定: one recognition of a cluster, at a level in the year of the official list, and when it was recorded. A
/// cluster holds at most one per level (a provincial recognition, then perhaps the national upgrade), so that progress
/// counts recognitions by the year they happened.
/// </summary>
public sealed record ClusterRecognition(ClusterLevel Level, int Year, DateTime RecordTime);
