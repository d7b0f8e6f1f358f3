namespace Industry.Cli;

/// <summary>The process exit codes scripts can rely on (docs/cli.md, ADR 0040); never renumbered.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command line is wrong: unknown command or option, a missing or malformed argument.</summary>
    public const int Usage = 1;

    /// <summary>No token, an expired or refused one (HTTP 401), or a role that may not do this (HTTP 403).</summary>
    public const int Auth = 2;

    /// <summary>The gateway or broker cannot be reached, a backend is down (HTTP 502-504) or the caller is rate-limited (429): try again later.</summary>
    public const int Unavailable = 3;

    /// <summary>The suite refused the input: invalid values, an unknown resource, a failed precondition, a file too large (HTTP 400, 404, 409, 412, 413).</summary>
    public const int InvalidInput = 4;

    /// <summary>Anything else: the server failed (HTTP 500) or answered what the client does not understand.</summary>
    public const int Failed = 5;
}

/// <summary>A failure the user is told about in their language, ending the process with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(int exitCode, string message, string? reason = null) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    /// <summary>The server's <c>ErrorInfo.reason</c> (e.g. <c>TOKEN_EXPIRED</c>) or the client's own, for scripts.</summary>
    public string? Reason { get; } = reason;
}
