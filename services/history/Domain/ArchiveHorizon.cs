using System.Globalization;

namespace Industry.History.Domain;

/// <summary>
/// Where the kept history begins after months were archived (归档界限): every position up to <see cref="LastPosition"/>
/// and every entry stored before <see cref="KeptFrom"/> is gone. A replay that would need any of them is refused rather
/// than answered with a silent gap (ADR 0043).
/// </summary>
public sealed record ArchiveHorizon(long LastPosition, DateTime KeptFrom)
{
    /// <summary>
    /// Why a replay after <paramref name="afterPosition"/> (exclusive; 0 = from the beginning, or from
    /// <paramref name="startTime"/> when given) would miss archived events, or null when it misses none. Events are
    /// stored after they occur, so one that occurred at or after <see cref="KeptFrom"/> was stored in a kept month.
    /// </summary>
    public string? Problem(long afterPosition, DateTime? startTime)
    {
        var keptFrom = KeptFrom.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (afterPosition > 0 || startTime is null)
        {
            return afterPosition >= LastPosition ? null : string.Create(CultureInfo.InvariantCulture,
                $"the events after position {afterPosition} up to position {LastPosition} are archived; resume after position {LastPosition} or later, or from a start_time at or after {keptFrom}.");
        }

        return startTime >= KeptFrom ? null : string.Create(CultureInfo.InvariantCulture,
            $"the events stored before {keptFrom} are archived; start at or after that time, or after position {LastPosition}.");
    }
}
