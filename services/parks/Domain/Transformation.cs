namespace Industry.Parks.Domain;

/// <summary>
/// 企业数字化转型: an enterprise's digital transformation in a park, <c>parks/{park}/transformations/{uscc}</c>: the highest
/// level reached and every level reached with its year. Levels only go up: <see cref="Record"/> raises the level or
/// changes nothing, never lowers it.
/// </summary>
public sealed class Transformation : VersionedResource, ICityScoped
{
    public const string Collection = "transformations";

    private Transformation()
    {
    }

    /// <summary><c>{park}/{uscc}</c>: the one-column unique key every list order ends with (a USCC may be in several parks).</summary>
    public string Id { get; private set; } = string.Empty;

    public override string Name => $"{Park.Collection}/{ParkId}/{Collection}/{EnterpriseUscc}";

    public string ParkId { get; private set; } = string.Empty;

    public string EnterpriseUscc { get; private set; } = string.Empty;

    public string EnterpriseDisplayName { get; private set; } = string.Empty;

    /// <summary>The park's city, copied so that lists and progress filter by city without a join.</summary>
    public string CityCode { get; private set; } = string.Empty;

    public TransformationLevel Level { get; private set; }

    /// <summary>The year <see cref="Level"/> was reached.</summary>
    public int Year { get; private set; }

    public TransformationSource Source { get; private set; }

    public string Project { get; private set; } = string.Empty;

    public string Note { get; private set; } = string.Empty;

    /// <summary>Every level reached, one per level.</summary>
    public List<TransformationMilestone> Milestones { get; private set; } = [];

    public static string IdOf(string parkId, string uscc) => parkId + "/" + uscc;

    /// <summary>The key of the record named <paramref name="name"/> (its USCC in either case); INVALID_ARGUMENT on <paramref name="field"/> for a malformed name.</summary>
    public static string KeyOf(string name, string field)
    {
        var (parkId, uscc) = ResourceName.ChildId(name, Park.Collection, Collection, field);
        return IdOf(parkId, uscc.ToUpperInvariant());
    }

    /// <summary>A new record of an enterprise in <paramref name="park"/> at its first level (arguments already checked).</summary>
    public static Transformation Create(Park park, string uscc, string displayName, string note, LevelReached reached, DateTime now, string actor, long previousVersion = 0)
    {
        var transformation = new Transformation
        {
            Id = IdOf(park.Id, uscc),
            ParkId = park.Id,
            EnterpriseUscc = uscc,
            EnterpriseDisplayName = displayName,
            CityCode = park.CityCode,
            Note = note,
        };
        transformation.Begin(now, previousVersion);
        transformation.Reach(reached, now);
        transformation.Touch(now, actor);
        return transformation;
    }

    /// <summary>
    /// Records <paramref name="reached"/>, and the descriptive fields given (null keeps one): <c>Raised</c> when the level
    /// went up (a new milestone); not for the same level in the same year again (idempotent). FAILED_PRECONDITION for any
    /// other level not above the current one (levels only go up); INVALID_ARGUMENT for a year before the current level's.
    /// Nothing changes when it throws.
    /// </summary>
    public TransformationChange Record(LevelReached reached, string? displayName, string? note, DateTime now, string actor)
    {
        var raised = !(reached.Level == Level && reached.Year == Year);
        if (raised && reached.Level <= Level)
        {
            throw new ServiceException(ErrorKind.FailedPrecondition, "TRANSFORMATION_LEVEL_NOT_HIGHER",
                $"{Name} is already at {ApiName(Level)} ({Year}); levels only go up, so {ApiName(reached.Level)} ({reached.Year}) cannot be recorded. Delete the record to correct a mistake.",
                new Dictionary<string, string>
                {
                    ["resource"] = Name,
                    ["current_level"] = ApiName(Level),
                    ["current_year"] = Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["requested_level"] = ApiName(reached.Level),
                },
                preconditionViolations: [new PreconditionViolation("LEVEL_NOT_HIGHER", "level", $"Record a level above {ApiName(Level)}.")]);
        }

        if (raised && reached.Year < Year)
        {
            throw ServiceException.InvalidArgument("year", $"must not be before {Year}, the year {ApiName(Level)} was reached.");
        }

        var described = Describe(displayName ?? EnterpriseDisplayName, note ?? Note, now, actor);
        if (raised)
        {
            Reach(reached, now);
            if (described.Count == 0)
            {
                Touch(now, actor);
            }
        }

        return new TransformationChange(raised, described);
    }

    /// <summary>Sets the descriptive fields and returns the proto names of those that changed.</summary>
    public IReadOnlyList<string> Describe(string displayName, string note, DateTime now, string actor) => Revise(now, actor, c => c
        .Set(EnterpriseDisplayName, displayName, v => EnterpriseDisplayName = v, "enterprise_display_name")
        .Set(Note, note, v => Note = v, "note"));

    /// <summary>The level as the API names it, <c>TRANSFORMATION_LEVEL_SMART_FACTORY</c>.</summary>
    public static string ApiName(TransformationLevel level) => ApiEnumNames.Of(level, "TRANSFORMATION_LEVEL_");

    private void Reach(LevelReached reached, DateTime now)
    {
        Milestones.Add(new TransformationMilestone(this, reached, now));
        Level = reached.Level;
        Year = reached.Year;
        Source = reached.Source;
        Project = reached.Project;
    }
}

/// <summary>What <see cref="Transformation.Record"/> changed: the level (a new milestone), and which descriptive fields.</summary>
public sealed record TransformationChange(bool Raised, IReadOnlyList<string> Described);
