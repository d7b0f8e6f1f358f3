using Grpc.Core;

namespace Industry.ServiceDefaults.Hosting;

/// <summary>Who makes a call: recorded on every write and carried by every event (DESIGN.md 3.5).</summary>
public static class Actor
{
    /// <summary>Calls without an authenticated identity (before authentication is configured).</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The caller's subject (the JWT <c>sub</c> once authentication is on).</summary>
    public static string Of(ServerCallContext context) =>
        context.GetHttpContext().User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : Anonymous;
}
