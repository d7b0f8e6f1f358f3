using System.Diagnostics;
using System.Net.Sockets;
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

    public string ErrorDomain { get; } = errorDomain;

    /// <summary>Builds the status for <paramref name="exception"/>; <see langword="null"/> when it is already an <see cref="RpcException"/> to pass on.</summary>
    public Google.Rpc.Status? ToStatus(Exception exception, CancellationToken callCancelled = default) => exception switch
    {
        RpcException => null,
        ServiceException service => FromServiceException(service),
        OperationCanceledException when callCancelled.IsCancellationRequested =>
            Build(Code.Cancelled, "CANCELLED", "The call was cancelled or its deadline passed."),
        DbUpdateConcurrencyException =>
            Build(Code.Aborted, "CONCURRENT_MODIFICATION", "The resource was changed by another request; read it again and retry."),
        DbUpdateException { InnerException: var inner } when IsUniqueViolation(inner) =>
            Build(Code.AlreadyExists, "RESOURCE_ALREADY_EXISTS", "A resource with the same identifier already exists."),
        _ when IsTransientInfrastructure(exception) =>
            Build(Code.Unavailable, "STORAGE_UNAVAILABLE", "The service's database is unavailable; retry with backoff."),
        _ => Build(Code.Internal, "INTERNAL", "An internal error occurred.",
            new Dictionary<string, string> { ["trace_id"] = Activity.Current?.TraceId.ToString() ?? string.Empty }),
    };

    private Google.Rpc.Status FromServiceException(ServiceException exception)
    {
        var status = Build(ToCode(exception.Kind), exception.Reason, exception.Message, exception.Metadata);
        if (exception.FieldViolations.Count > 0)
        {
            var badRequest = new BadRequest();
            foreach (var violation in exception.FieldViolations)
            {
                badRequest.FieldViolations.Add(new BadRequest.Types.FieldViolation
                {
                    Field = violation.Field,
                    Description = violation.Description,
                });
            }

            status.Details.Add(Any.Pack(badRequest));
        }

        if (exception.PreconditionViolations.Count > 0)
        {
            var failure = new PreconditionFailure();
            foreach (var violation in exception.PreconditionViolations)
            {
                failure.Violations.Add(new PreconditionFailure.Types.Violation
                {
                    Type = violation.Type,
                    Subject = violation.Subject,
                    Description = violation.Description,
                });
            }

            status.Details.Add(Any.Pack(failure));
        }

        return status;
    }

    private Google.Rpc.Status Build(Code code, string reason, string message, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = ErrorDomain };
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                info.Metadata[key] = value;
            }
        }

        return new Google.Rpc.Status { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
    }

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
