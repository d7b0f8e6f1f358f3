using Google.Api;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Industry.Common.V1;
using Industry.Parks.V1;
using Industry.Projects.V1;

namespace Industry.EndToEndTests.AccessMatrix;

/// <summary>
/// The request each call sends. Reads and admin writes get an empty message (the role check comes before the method
/// looks at it). A city write must be aimed at a resource of a given city, so that a city editor's call reaches the
/// method's city check: generically, by setting every field whose <c>google.api.resource_reference</c> (or whose
/// message's <c>google.api.resource</c>) names a kind of <see cref="CityResources"/>; otherwise, or where the method
/// validates other fields before the city check, by an override below. A stale <c>etag</c> goes with every aimed
/// request, so that a write that passes authorization is stopped by <c>ABORTED</c> before it changes anything the
/// other calls aim at.
/// </summary>
internal static class RequestAims
{
    public const string StaleEtag = "W/\"999999999\"";

    /// <summary>
    /// City writes the generic rule cannot aim, or whose other fields are validated before the city check, keyed by the
    /// method's full name. A new city write with neither fails the matrix.
    /// </summary>
    private static readonly Dictionary<string, Func<CityResources, IMessage>> Overrides = new()
    {
        ["industry.projects.v1.ProjectService.CreateProject"] = c => new CreateProjectRequest { Project = AuthorizationMatrixTests.NewProject(c.County) },
        ["industry.projects.v1.ProjectService.ImportProjects"] = c => new ImportProjectsRequest { RowNumber = 1, Project = AuthorizationMatrixTests.NewProject(c.County) },
        ["industry.projects.v1.ProjectService.TransitionProject"] = c => new TransitionProjectRequest { Name = c.Project, State = ProjectState.Suspended, Reason = "权限矩阵", Etag = StaleEtag },
        ["industry.projects.v1.ProjectService.ReportInvestment"] = c => Report(c),
        ["industry.projects.v1.ProjectService.BatchReportInvestments"] = c => new BatchReportInvestmentsRequest { Parent = c.Project, Requests = { Report(c) } },
        // The reason is checked before the city: without one, INVALID_ARGUMENT would come first.
        ["industry.projects.v1.ProjectService.ReturnInvestmentReport"] = c => new ReturnInvestmentReportRequest
        {
            Name = c.NameOf("industry.anhui.gov.cn/InvestmentReport")!,
            Reason = "权限矩阵",
            Etag = StaleEtag,
        },
        // The evaluation is checked before the city (as a project's content is): an empty one would be INVALID_ARGUMENT.
        ["industry.clusters.v1.ClusterService.CreatePerMuEvaluation"] = c => new Industry.Clusters.V1.CreatePerMuEvaluationRequest
        {
            Parent = c.NameOf("industry.anhui.gov.cn/Enterprise")!,
            PerMuEvaluation = CityResources.NewPerMuEvaluation(2022),
        },
        ["industry.parks.v1.ParkService.CreatePark"] = c => new CreateParkRequest { Park = CityResources.NewPark(c.County) },
        ["industry.parks.v1.ParkService.RecordTransformation"] = c => Record(c),
        ["industry.parks.v1.ParkService.BatchRecordTransformations"] = c => new BatchRecordTransformationsRequest { Parent = c.Park, Requests = { Record(c) } },
    };

    /// <summary>
    /// Methods that refuse part of a call in their answer rather than with the call's status: an import refuses each row
    /// outside a city editor's city (docs/security.md) and answers OK; the matrix reads such a row as the call's refusal.
    /// </summary>
    private static readonly Dictionary<string, Func<Outcome, Outcome>> Interpretations = new()
    {
        ["industry.projects.v1.ProjectService.ImportProjects"] = outcome =>
            outcome.Code == StatusCode.OK && outcome.Message is { } bytes
                && ImportProjectsResponse.Parser.ParseFrom(bytes).Failures.Any(f => f.Code == Google.Rpc.Code.PermissionDenied)
                ? outcome with { Code = StatusCode.PermissionDenied, Reason = "OUTSIDE_CALLER_CITY" }
                : outcome,
    };

    /// <summary>
    /// The request for <paramref name="rpc"/> aimed at <paramref name="city"/>, or null for a city write that cannot be
    /// aimed. A read is aimed too where it can be, without an etag: were it a write declared as a read, it would then
    /// really change something, which the matrix's fingerprint of the read phase sees.
    /// </summary>
    public static IMessage? For(SuiteRpc rpc, CityResources? city)
    {
        var request = Empty(rpc.Method.InputType);
        if (city is null || rpc.Access == Access.AdminWrite)
        {
            return request;
        }

        if (rpc.Access is not (Access.CityWrite or Access.CountyWrite))
        {
            AimAt(request, city, etag: null);
            return request;
        }

        if (Overrides.TryGetValue(rpc.FullName, out var aim))
        {
            return aim(city);
        }

        return AimAt(request, city, StaleEtag) ? request : null;
    }

    public static Outcome Interpret(SuiteRpc rpc, Outcome outcome) =>
        Interpretations.TryGetValue(rpc.FullName, out var interpret) ? interpret(outcome) : outcome;

    private static IMessage Empty(MessageDescriptor type) => (IMessage)Activator.CreateInstance(type.ClrType)!;

    /// <summary>Sets the resource names of <paramref name="city"/> and <paramref name="etag"/>; whether any resource name was set.</summary>
    private static bool AimAt(IMessage message, CityResources city, string? etag)
    {
        var aimed = false;
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder().Where(f => !f.IsRepeated && !f.IsMap))
        {
            if (field.FieldType == FieldType.String && ReferencedType(field) is { } type && city.NameOf(type) is { } name)
            {
                field.Accessor.SetValue(message, name);
                aimed = true;
            }
            else if (field.FieldType == FieldType.String && field.Name == "etag" && etag is not null)
            {
                field.Accessor.SetValue(message, etag);
            }
            else if (field.FieldType == FieldType.Message && ResourceType(field.MessageType) is { } resource && city.NameOf(resource) is { } resourceName
                && field.MessageType.FindFieldByName("name") is { } nameField)
            {
                var body = Empty(field.MessageType);
                nameField.Accessor.SetValue(body, resourceName);
                if (etag is not null && field.MessageType.FindFieldByName("etag") is { FieldType: FieldType.String } etagField)
                {
                    etagField.Accessor.SetValue(body, etag);
                }

                field.Accessor.SetValue(message, body);
                aimed = true;
            }
        }

        return aimed;
    }

    private static string? ReferencedType(FieldDescriptor field) =>
        field.GetOptions() is { } options && options.HasExtension(ResourceExtensions.ResourceReference)
            ? options.GetExtension(ResourceExtensions.ResourceReference).Type is { Length: > 0 } type ? type : null
            : null;

    private static string? ResourceType(MessageDescriptor message) =>
        message.GetOptions() is { } options && options.HasExtension(ResourceExtensions.Resource)
            ? options.GetExtension(ResourceExtensions.Resource).Type
            : null;

    private static ReportInvestmentRequest Report(CityResources city) =>
        new() { Parent = city.Project, Period = "2024-01", CompletedInvestmentYuan = 2_000_000, Etag = StaleEtag };

    private static RecordTransformationRequest Record(CityResources city) => new()
    {
        Parent = city.Park,
        EnterpriseUscc = CityResources.Uscc,
        EnterpriseDisplayName = "权限矩阵企业",
        Level = TransformationLevel.SmartFactory,
        Year = 2024,
        Etag = StaleEtag,
    };
}
