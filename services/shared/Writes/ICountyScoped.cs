namespace Industry.ServiceDefaults.Writes;

/// <summary>
/// A city resource that also belongs to one county: a county editor writes (the investment reports of) it only in its
/// own county (<see cref="Write.LoadAsync{T}(IQueryable{T}, string, string?)"/>).
/// </summary>
public interface ICountyScoped : ICityScoped
{
    /// <summary>The GB/T 2260 code of the resource's county.</summary>
    string CountyCode { get; }
}
