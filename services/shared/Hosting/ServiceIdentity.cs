namespace Industry.ServiceDefaults.Hosting;

/// <summary>
/// Who this process is: <paramref name="Name"/> is the short service name used for telemetry, the event source and
/// the configuration keys (<c>ConnectionStrings__projects</c>); <see cref="ErrorDomain"/> goes into every
/// <c>ErrorInfo.domain</c> and <see cref="EventSource"/> into every event's CloudEvents <c>source</c>.
/// </summary>
public sealed record ServiceIdentity(string Name)
{
    public string ErrorDomain => $"{Name}.industry.anhui.gov.cn";

    public string EventSource => $"//{Name}.industry.anhui.gov.cn";
}
