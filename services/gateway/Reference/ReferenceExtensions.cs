namespace Industry.Gateway.Reference;

/// <summary>Hosts <c>ReferenceService</c> in the gateway (ADR 0034): reference data needs no backend, so no hop to one.</summary>
internal static class ReferenceExtensions
{
    public static WebApplication MapReferenceData(this WebApplication app)
    {
        app.MapGrpcService<ReferenceApi>().EnableGrpcWeb();
        return app;
    }
}
