using Industry.Projects.V1;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Idempotency;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class RequestFingerprintTests
{
    private const string Method = "/industry.projects.v1.ProjectService/CreateProject";
    private const string Subject = "hefei-editor";
    private const string Id = "3f2c6a9e-7b1d-4c55-9a0e-2d4b8f61c7a3";

    private static CreateProjectRequest Request(string requestId, string displayName = "技改项目") => new()
    {
        Project = new Project { DisplayName = displayName, ProjectCode = "2024-340104-38-03-000001", TotalInvestmentYuan = 100 },
        RequestId = requestId,
    };

    [Fact]
    public void Of_NoRequestId_IsNullSoTheCallIsNotIdempotent()
    {
        Assert.Null(RequestFingerprint.Of(Request(string.Empty), Method, Subject));
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("3f2c6a9e7b1d4c559a0e2d4b8f61c7a3")]
    [InlineData("{3f2c6a9e-7b1d-4c55-9a0e-2d4b8f61c7a3}")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void Of_RequestIdNotACanonicalUuid_IsInvalidArgumentOnRequestId(string requestId)
    {
        var error = Assert.Throws<ServiceException>(() => RequestFingerprint.Of(Request(requestId), Method, Subject));

        Assert.Equal(ErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("request_id", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public void Of_SameRequestWithUpperCaseId_IsTheSameKey()
    {
        var lower = RequestFingerprint.Of(Request(Id), Method, Subject)!;
        var upper = RequestFingerprint.Of(Request(Id.ToUpperInvariant()), Method, Subject)!;

        Assert.Equal(lower.RequestId, upper.RequestId);
        Assert.Equal(lower.Hash, upper.Hash);
    }

    [Fact]
    public void Of_HashIgnoresTheRequestIdAndLeavesTheRequestUnchanged()
    {
        var request = Request(Id);

        var first = RequestFingerprint.Of(request, Method, Subject)!;
        var other = RequestFingerprint.Of(Request("0b6f2d1c-93a4-4e7b-8c25-61f0a9d3e4b7"), Method, Subject)!;

        Assert.Equal(first.Hash, other.Hash);
        Assert.Equal(Id, request.RequestId);
    }

    [Fact]
    public void Of_DifferentContent_HasADifferentHash()
    {
        var first = RequestFingerprint.Of(Request(Id), Method, Subject)!;
        var changed = RequestFingerprint.Of(Request(Id, "另一个项目"), Method, Subject)!;

        Assert.NotEqual(first.Hash, changed.Hash);
    }

    [Fact]
    public void Of_MessageWithoutRequestIdField_IsAProgrammingError()
    {
        Assert.Throws<ArgumentException>(() => RequestFingerprint.Of(new GetProjectRequest { Name = "projects/p" }, Method, Subject));
    }
}
