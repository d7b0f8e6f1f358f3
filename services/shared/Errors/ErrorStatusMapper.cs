using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Industry.ServiceDefaults.Errors;

/// <summary>
/// Turns any exception into a rich <c>google.rpc.Status</c> (AIP-193): exactly one <c>ErrorInfo</c> and, for bad
/// input, a <c>BadRequest</c> with field violations. Kept apart from the interceptor so the mapping is unit-tested
/// without a server. Unknown exceptions become <c>INTERNAL</c> with a trace id, never a stack trace.
/// </summary>
public sealed class ErrorStatusMapper(string errorDomain)
{
    // SQLite extended result codes for UNIQUE and PRIMARY KEY constraint failures.
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// Longest text of a status (message, description, metadata value). Messages quote what the caller sent, which can be
    /// megabytes; the status travels in HTTP/2 trailers (grpc-message percent-encoded, three bytes per byte of UTF-8), and
    /// a client refuses trailers over 64 KiB, so an unbounded echo turns a precise refusal into an unreadable failure.
    /// </summary>
    public const int MaxTextLength = 300;

    /// <summary>Most violations listed in one status (a 1,000-item batch can have thousands), for the same reason.</summary>
    public const int MaxViolations = 50;

    public string ErrorDomain { get; } = errorDomain;

    /// <summary>
    /// Builds the status for <paramref name="exception"/>, its <c>LocalizedMessage</c> in <paramref name="locale"/>
    /// (<see cref="ErrorLocale"/>); <see langword="null"/> when it is already an <see cref="RpcException"/> to pass on.
    /// </summary>
    public Google.Rpc.Status? ToStatus(Exception exception, string locale = ErrorLocale.English, CancellationToken callCancelled = default) => exception switch
    {
        RpcException => null,
        ServiceException service => FromServiceException(service, locale),
        // A request message that does not parse (a client stream's later message reaches the handler this way).
        InvalidProtocolBufferException or DecoderFallbackException =>
            Build(Code.InvalidArgument, "MALFORMED_REQUEST", locale, "The request is not a valid protobuf message of the method's request type."),
        OperationCanceledException when callCancelled.IsCancellationRequested =>
            Build(Code.Cancelled, "CANCELLED", locale, "The call was cancelled or its deadline passed."),
        DbUpdateConcurrencyException =>
            Build(Code.Aborted, "CONCURRENT_MODIFICATION", locale, "The resource was changed by another request; read it again and retry."),
        DbUpdateException { InnerException: var inner } when IsUniqueViolation(inner) =>
            Build(Code.AlreadyExists, "RESOURCE_ALREADY_EXISTS", locale, "A resource with the same identifier already exists."),
        _ when IsTransientInfrastructure(exception) =>
            Build(Code.Unavailable, "STORAGE_UNAVAILABLE", locale, "The service's database is unavailable; retry with backoff."),
        _ => Build(Code.Internal, "INTERNAL", locale, "An internal error occurred.",
            new Dictionary<string, string> { ["trace_id"] = Activity.Current?.TraceId.ToString() ?? string.Empty }),
    };

    private Google.Rpc.Status FromServiceException(ServiceException exception, string locale)
    {
        var status = Build(ToCode(exception.Kind), exception.Reason, locale, exception.Message, exception.Metadata);
        if (exception.FieldViolations.Count > 0)
        {
            var badRequest = new BadRequest();
            foreach (var violation in exception.FieldViolations.Take(MaxViolations))
            {
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
                {
                    Field = Clamp(violation.Field),
                    Description = Clamp(violation.Description),
                });
            }

            status.Details.Add(Any.Pack(badRequest));
        }

        if (exception.PreconditionViolations.Count > 0)
        {
            var failure = new PreconditionFailure();
            foreach (var violation in exception.PreconditionViolations.Take(MaxViolations))
            {
                failure.Violations.Add(new PreconditionFailure.Types.Violation
                {
                    Type = violation.Type,
                    Subject = Clamp(violation.Subject),
                    Description = Clamp(violation.Description),
                });
            }

            status.Details.Add(Any.Pack(failure));
        }

        return status;
    }

    private Google.Rpc.Status Build(Code code, string reason, string locale, string message, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorDomain };
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                info.Metadata[key] = Clamp(value);
            }
        }

        return new Google.Rpc.Status { Code = (int)code, Message = Clamp(message), Details = { Any.Pack(info), Any.Pack(ErrorTexts.For(reason, locale)) } };
    }

    private static string Clamp(string text) =>
        text.Length <= MaxTextLength ? text
        : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[MaxTextLength - 2]) ? MaxTextLength - 2 : MaxTextLength - 1), "…");

    public static Code ToCode(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => Code.InvalidArgument,
        ErrorKind.NotFound => Code.NotFound,
        ErrorKind.AlreadyExists => Code.AlreadyExists,
        ErrorKind.FailedPrecondition => Code.FailedPrecondition,
        ErrorKind.Aborted => Code.Aborted,
        ErrorKind.PermissionDenied => Code.PermissionDenied,
        ErrorKind.Unauthenticated => Code.Unauthenticated,
        ErrorKind.ResourceExhausted => Code.ResourceExhausted,
        ErrorKind.Unavailable => Code.Unavailable,
        _ => Code.Internal,
    };

    private static bool IsUniqueViolation(Exception? inner) => inner switch
    {
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey,
        _ => false,
    };

    private static bool IsTransientInfrastructure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case TimeoutException:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                    return true;
            }
        }

        return false;
    }
}
