namespace Industry.ServiceDefaults.Writes;

/// <summary>A resource that belongs to one city: a city editor writes it only in its own city (<see cref="Write.LoadAsync{T}(IQueryable{T}, string, string?)"/>).</summary>
public interface ICityScoped
{
    /// <summary>The GB/T 2260 code of the resource's city.</summary>
    string CityCode { get; }
}
