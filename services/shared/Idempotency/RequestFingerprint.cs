using System.Security.Cryptography;
using Google.Protobuf;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Idempotency;

/// <summary>Identifies a request by its method, its caller and its <c>request_id</c>, with a hash of everything else it says.</summary>
internal sealed record RequestKey(string Method, string Subject, Guid RequestId, byte[] Hash);

/// <summary>Reads a request's <c>request_id</c> and fingerprints the rest of the request.</summary>
internal static class RequestFingerprint
{
    public const string FieldName = "request_id";

    /// <summary>
    /// The key of <paramref name="request"/>, or <see langword="null"/> when it carries no <c>request_id</c> (then the
    /// call is not idempotent). A <c>request_id</c> that is not a UUID is <c>INVALID_ARGUMENT</c>.
    /// </summary>
    public static RequestKey? Of<TRequest>(TRequest request, string method, string subject)
        where TRequest : IMessage<TRequest>
    {
        var field = request.Descriptor.FindFieldByName(FieldName)
            ?? throw new ArgumentException($"{request.Descriptor.FullName} has no {FieldName} field.", nameof(request));
        var text = (string)field.Accessor.GetValue(request);
        if (text.Length == 0)
        {
            return null;
        }

        if (!TryParseUuid(text, out var id))
        {
            throw ServiceException.InvalidArgument(FieldName, "must be a UUID in the 8-4-4-4-12 hexadecimal form, e.g. 3f2c6a9e-7b1d-4c55-9a0e-2d4b8f61c7a3 (not the nil UUID).");
        }

        // The hash covers the request as sent, minus the id itself: the protobuf encoding writes fields in number order,
        // so equal requests hash equally whatever the client's language.
        var rest = request.Clone();
        field.Accessor.Clear(rest);
        return new RequestKey(method, subject, id, SHA256.HashData(rest.ToByteArray()));
    }

    /// <summary>A UUID in the canonical hyphenated form (any letter case), not the nil UUID; any version is accepted.</summary>
    public static bool TryParseUuid(string text, out Guid id) => Guid.TryParseExact(text, "D", out id) && id != Guid.Empty;
}
