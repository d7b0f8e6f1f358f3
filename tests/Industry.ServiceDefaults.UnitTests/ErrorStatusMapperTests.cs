using Google.Rpc;
using Grpc.Core;
using Industry.ServiceDefaults.Errors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class ErrorStatusMapperTests
{
    private readonly ErrorStatusMapper _mapper = new("projects.industry.anhui.gov.cn");

    [Fact]
    public void ToStatus_InvalidArgument_HasErrorInfoAndEveryFieldViolation()
    {
        var exception = ServiceException.InvalidArgument(
        [
            new FieldViolation("project.county_code", "is not a county of Anhui."),
            new FieldViolation("project.total_investment_yuan", "must be positive."),
        ]);

        var status = _mapper.ToStatus(exception)!;

        Assert.Equal((int)Code.InvalidArgument, status.Code);
        var info = Assert.Single(status.Details, d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal("INVALID_ARGUMENT", info.Reason);
        Assert.Equal("projects.industry.anhui.gov.cn", info.Domain);
        var badRequest = Assert.Single(status.Details, d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>();
        Assert.Equal(["project.county_code", "project.total_investment_yuan"], badRequest.FieldViolations.Select(v => v.Field));
    }

    [Fact]
    public void ToStatus_LongEchoesAndManyViolations_AreBounded()
    {
        var echo = new string('长', 20_000);
        var exception = ServiceException.InvalidArgument([.. Enumerable.Range(0, 1_000).Select(i => new FieldViolation($"requests[{i}].county_code", $"'{echo}' is not a county."))]);

        var status = _mapper.ToStatus(exception)!;

        var badRequest = Assert.Single(status.Details, d => d.Is(BadRequest.Descriptor)).Unpack<BadRequest>();
        Assert.Equal(ErrorStatusMapper.MaxViolations, badRequest.FieldViolations.Count);
        Assert.All(badRequest.FieldViolations, v => Assert.Equal(ErrorStatusMapper.MaxTextLength, v.Description.Length));
        Assert.EndsWith("…", badRequest.FieldViolations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStatus_UnparsableRequestMessage_IsInvalidArgument()
    {
        var exception = Assert.ThrowsAny<Google.Protobuf.InvalidProtocolBufferException>(() => ErrorInfo.Parser.ParseFrom([0x0a, 0x05, 0x61]));

        var status = _mapper.ToStatus(exception)!;

        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal("MALFORMED_REQUEST", Assert.Single(status.Details, d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>().Reason);
    }

    [Theory]
    [InlineData(ErrorKind.NotFound, Code.NotFound)]
    [InlineData(ErrorKind.AlreadyExists, Code.AlreadyExists)]
    [InlineData(ErrorKind.FailedPrecondition, Code.FailedPrecondition)]
    [InlineData(ErrorKind.Aborted, Code.Aborted)]
    [InlineData(ErrorKind.PermissionDenied, Code.PermissionDenied)]
    [InlineData(ErrorKind.Unauthenticated, Code.Unauthenticated)]
    [InlineData(ErrorKind.ResourceExhausted, Code.ResourceExhausted)]
    [InlineData(ErrorKind.Unavailable, Code.Unavailable)]
    public void ToStatus_EachKind_MapsToItsCanonicalCodeWithoutBadRequest(ErrorKind kind, Code expected)
    {
        var status = _mapper.ToStatus(new ServiceException(kind, "SOME_REASON", "message"))!;

        Assert.Equal((int)expected, status.Code);
        Assert.Equal("SOME_REASON", Assert.Single(status.Details, d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>().Reason);
    }

    [Fact]
    public void ToStatus_EtagMismatch_IsAbortedWithTheCurrentEtagInMetadata()
    {
        var status = _mapper.ToStatus(ServiceException.EtagMismatch("projects/p1", "W/\"7\""))!;

        Assert.Equal((int)Code.Aborted, status.Code);
        var info = status.Details.Single(d => d.Is(ErrorInfo.Descriptor)).Unpack<ErrorInfo>();
        Assert.Equal("ETAG_MISMATCH", info.Reason);
        Assert.Equal("W/\"7\"", info.Metadata["current_etag"]);
        Assert.Equal("projects/p1", info.Metadata["resource"]);
    }

    [Fact]
    public void ToStatus_UnexpectedException_IsInternalAndLeaksNothing()
    {
        var status = _mapper.ToStatus(new InvalidOperationException("connection string Password=secret"))!;

        Assert.Equal((int)Code.Internal, status.Code);
        Assert.DoesNotContain("secret", status.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", status.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToStatus_SqliteUniqueViolation_IsAlreadyExists()
    {
        var exception = new DbUpdateException("save failed", new SqliteException("UNIQUE constraint failed", 19, 2067));

        Assert.Equal((int)Code.AlreadyExists, _mapper.ToStatus(exception)!.Code);
    }

    [Fact]
    public void ToStatus_PostgresUniqueViolation_IsAlreadyExists()
    {
        var exception = new DbUpdateException("save failed", new PostgresException("duplicate key", "ERROR", "ERROR", PostgresErrorCodes.UniqueViolation));

        Assert.Equal((int)Code.AlreadyExists, _mapper.ToStatus(exception)!.Code);
    }

    [Fact]
    public void ToStatus_PostgresOtherConstraint_IsInternal()
    {
        var exception = new DbUpdateException("save failed", new PostgresException("check", "ERROR", "ERROR", PostgresErrorCodes.CheckViolation));

        Assert.Equal((int)Code.Internal, _mapper.ToStatus(exception)!.Code);
    }

    [Fact]
    public void ToStatus_ConcurrencyConflict_IsAborted()
    {
        Assert.Equal((int)Code.Aborted, _mapper.ToStatus(new DbUpdateConcurrencyException("conflict"))!.Code);
    }

    [Fact]
    public void ToStatus_DatabaseTimeout_IsUnavailable()
    {
        var exception = new InvalidOperationException("wrapped", new TimeoutException("db did not answer"));

        Assert.Equal((int)Code.Unavailable, _mapper.ToStatus(exception)!.Code);
    }

    [Fact]
    public void ToStatus_CancelledByTheCaller_IsCancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Equal((int)Code.Cancelled, _mapper.ToStatus(new OperationCanceledException(), callCancelled: cts.Token)!.Code);
    }

    [Fact]
    public void ToStatus_RpcExceptionFromDownstream_IsPassedOnUnchanged()
    {
        Assert.Null(_mapper.ToStatus(new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "x"))));
    }

    [Fact]
    public void InvalidArgument_WithoutViolations_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => ServiceException.InvalidArgument([]));
    }

    [Fact]
    public void ToStatus_PreconditionViolations_AreAPreconditionFailureDetailBesideTheErrorInfo()
    {
        var exception = new ServiceException(ErrorKind.FailedPrecondition, "REFERENCE_NOT_FOUND", "clusters/x does not exist.",
            preconditionViolations: [new PreconditionViolation("REFERENCE_NOT_FOUND", "project.cluster", "clusters/x does not exist.")]);

        var status = _mapper.ToStatus(exception)!;

        Assert.Equal((int)Code.FailedPrecondition, status.Code);
        Assert.Single(status.Details, d => d.Is(ErrorInfo.Descriptor));
        Assert.DoesNotContain(status.Details, d => d.Is(BadRequest.Descriptor));
        var violation = Assert.Single(Assert.Single(status.Details, d => d.Is(PreconditionFailure.Descriptor)).Unpack<PreconditionFailure>().Violations);
        Assert.Equal(("REFERENCE_NOT_FOUND", "project.cluster"), (violation.Type, violation.Subject));
    }
}
