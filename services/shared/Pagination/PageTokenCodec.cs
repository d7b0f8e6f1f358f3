using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Industry.ServiceDefaults.Errors;

namespace Industry.ServiceDefaults.Pagination;

/// <summary>
/// Opaque, tamper-evident page tokens for keyset pagination (AIP-158). A token holds the sort keys of the last
/// row returned and a scope (the method plus the filter and order it was issued for), signed with HMAC-SHA256.
/// A token that was altered, or that is replayed with a different filter or order, is rejected with
/// <c>INVALID_ARGUMENT</c> instead of silently returning the wrong page.
/// </summary>
public sealed class PageTokenCodec
{
    private const int MacLength = 16;
    private readonly byte[] _key;

    public PageTokenCodec(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 16)
        {
            throw new ArgumentException("The page-token key must be at least 16 bytes.", nameof(key));
        }

        _key = key;
    }

    /// <summary>The scope binds a token to one query: the method and every request field that shapes the result set.</summary>
    public static string Scope(string method, params string?[] queryParts) =>
        method + "\u001f" + string.Join('\u001f', queryParts.Select(p => p ?? string.Empty));

    public string Encode(string scope, IReadOnlyList<string> keys)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Cursor(Hash(scope), [.. keys]), CursorJson.Default.Cursor);
        var mac = Sign(payload);
        return Base64Url(payload) + "." + Base64Url(mac);
    }

    public IReadOnlyList<string> Decode(string token, string scope)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || !TryFromBase64Url(token[..dot], out var payload) || !TryFromBase64Url(token[(dot + 1)..], out var mac))
        {
            throw Invalid("is not a token issued by this service.");
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, Sign(payload)))
        {
            throw Invalid("is not a token issued by this service.");
        }

        Cursor? cursor;
        try
        {
            cursor = JsonSerializer.Deserialize(payload, CursorJson.Default.Cursor);
        }
        catch (JsonException)
        {
            throw Invalid("is not a token issued by this service.");
        }

        // No key the service issues holds NUL (PostgreSQL text cannot), and one that did would fail in the database.
        if (cursor?.Keys is null || cursor.Keys.Any(k => k is null || k.Contains('\0', StringComparison.Ordinal)))
        {
            throw Invalid("is not a token issued by this service.");
        }

        if (cursor.Scope != Hash(scope))
        {
            throw Invalid("was issued for a different filter or order; start again without a page_token.");
        }

        return cursor.Keys;
    }

    /// <summary>
    /// The token's keys as <paramref name="read"/> understands them. Keys it cannot use (<see langword="null"/> from
    /// <paramref name="read"/>, too few, not numbers) are <c>INVALID_ARGUMENT</c> like any bad token, never
    /// <c>INTERNAL</c>: only a token of another list's layout or a forgery made with the key gets this far, and both are
    /// the caller's mistake.
    /// </summary>
    public T Decode<T>(string token, string scope, Func<IReadOnlyList<string>, T?> read)
        where T : struct
    {
        var keys = Decode(token, scope);
        try
        {
            return read(keys) ?? throw Invalid("does not fit this list; start again without a page_token.");
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException or FormatException or OverflowException or InvalidOperationException)
        {
            throw Invalid("does not fit this list; start again without a page_token.");
        }
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(_key, payload)[..MacLength];

    private static string Hash(string scope) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(scope)))[..16];

    private static ServiceException Invalid(string description) => ServiceException.InvalidArgument("page_token", description);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        bytes = new byte[padded.Length];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        return false;
    }
}

/// <summary>The signed content of a page token.</summary>
public sealed record Cursor(string Scope, string[] Keys);
