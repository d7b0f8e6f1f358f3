using System.Text;
using Industry.ServiceDefaults.Errors;
using Industry.ServiceDefaults.Pagination;

namespace Industry.ServiceDefaults.UnitTests;

public sealed class PageTokenCodecTests
{
    private static readonly PageTokenCodec Codec = new(Encoding.UTF8.GetBytes("unit-test-key-of-sufficient-length"));
    private static readonly string Scope = PageTokenCodec.Scope("ListProjects", "state = UNDER_CONSTRUCTION", "create_time desc");

    [Fact]
    public void Decode_TokenFromEncode_ReturnsTheSameKeys()
    {
        var token = Codec.Encode(Scope, ["2024-03-01T00:00:00Z", "projects/abc"]);

        Assert.Equal(["2024-03-01T00:00:00Z", "projects/abc"], Codec.Decode(token, Scope));
    }

    [Fact]
    public void Encode_Token_IsOpaqueAndUrlSafe()
    {
        var token = Codec.Encode(Scope, ["projects/abc"]);

        Assert.DoesNotContain("projects/abc", token, StringComparison.Ordinal);
        Assert.Matches("^[A-Za-z0-9_.-]+$", token);
    }

    [Fact]
    public void Decode_PayloadAltered_IsInvalidArgumentOnPageToken()
    {
        var token = Codec.Encode(Scope, ["projects/abc"]);
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var forged = Codec.Encode(Scope, ["projects/zzz"])[..dot] + token[dot..];

        AssertRejected(forged);
    }

    [Fact]
    public void Decode_SignatureAltered_IsRejected()
    {
        var token = Codec.Encode(Scope, ["projects/abc"]);
        var last = token[^1] == 'A' ? 'B' : 'A';

        AssertRejected(token[..^1] + last);
    }

    [Fact]
    public void Decode_OtherFilter_IsRejected()
    {
        var token = Codec.Encode(Scope, ["projects/abc"]);

        var exception = Assert.Throws<ServiceException>(() => Codec.Decode(token, PageTokenCodec.Scope("ListProjects", "state = COMPLETED", "create_time desc")));
        Assert.Contains("different filter", exception.FieldViolations.Single().Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TokenSignedWithAnotherKey_IsRejected()
    {
        var other = new PageTokenCodec(Encoding.UTF8.GetBytes("another-key-of-sufficient-length"));

        AssertRejected(other.Encode(Scope, ["projects/abc"]));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData(".")]
    [InlineData("abc.")]
    [InlineData("!!!.???")]
    public void Decode_Garbage_IsRejected(string token) => AssertRejected(token);

    [Fact]
    public void Constructor_ShortKey_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new PageTokenCodec(new byte[8]));
    }

    private static void AssertRejected(string token)
    {
        var exception = Assert.Throws<ServiceException>(() => Codec.Decode(token, Scope));
        Assert.Equal(ErrorKind.InvalidArgument, exception.Kind);
        Assert.Equal("page_token", Assert.Single(exception.FieldViolations).Field);
    }
}
