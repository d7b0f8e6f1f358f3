using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// Tokens this process has already validated, keyed by the SHA-256 of the token (the token itself is not kept), so that
/// a caller's next call with the same token skips parsing and checking it again (ADR 0033). An entry is served only
/// until the token's own expiry (without the clock skew the validator allows) and at most <see cref="MaxAge"/> after it
/// was validated, and only while the key that signed it is still one of the validation's signing keys: a key removed
/// from the identity provider's key set stops its tokens at the next key refresh, as without the cache. Bounded to
/// <see cref="Capacity"/> entries: when full, expired entries are dropped, and if none expired, everything is.
/// </summary>
public sealed class ValidatedTokenCache(int capacity, TimeSpan maxAge, TimeProvider clock)
{
    private readonly ConcurrentDictionary<Hash, Entry> _entries = new();

    public int Capacity { get; } = capacity;

    public TimeSpan MaxAge { get; } = maxAge;

    public int Count => _entries.Count;

    /// <summary>A fresh result for a cached token (its own identity copy: callers may add claims), or null.</summary>
    public TokenValidationResult? Find(string token, TokenValidationParameters parameters)
    {
        var key = HashOf(token);
        if (!_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (clock.GetUtcNow() >= entry.Until || !SignedByCurrentKey(entry.Result.SecurityToken, parameters))
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        return new TokenValidationResult
        {
            IsValid = true,
            SecurityToken = entry.Result.SecurityToken,
            ClaimsIdentity = entry.Result.ClaimsIdentity.Clone(),
            Issuer = entry.Result.Issuer,
            TokenType = entry.Result.TokenType,
        };
    }

    /// <summary>Keeps a valid result until the token's expiry or <see cref="MaxAge"/> from now, whichever comes first.</summary>
    public void Add(string token, TokenValidationResult result)
    {
        if (!result.IsValid || result.SecurityToken is not { ValidTo: var validTo } || validTo == DateTime.MinValue)
        {
            return;
        }

        var now = clock.GetUtcNow();
        var until = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
        until = until < now + MaxAge ? until : now + MaxAge;
        if (until <= now)
        {
            return;
        }

        if (_entries.Count >= Capacity)
        {
            foreach (var (key, entry) in _entries)
            {
                if (entry.Until <= now)
                {
                    _entries.TryRemove(key, out _);
                }
            }

            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }
        }

        _ = result.ClaimsIdentity; // built once here, copied on every hit
        _entries[HashOf(token)] = new Entry(result, until);
    }

    private static bool SignedByCurrentKey(SecurityToken token, TokenValidationParameters parameters)
    {
        var key = token.SigningKey;
        if (key is null)
        {
            return false;
        }

        if (Same(key, parameters.IssuerSigningKey))
        {
            return true;
        }

        if (parameters.IssuerSigningKeys is { } keys)
        {
            foreach (var candidate in keys)
            {
                if (Same(key, candidate))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The same key object, or (after a key set refresh builds new objects) the same key id and thumbprint.</summary>
    private static bool Same(SecurityKey signing, SecurityKey? candidate) =>
        candidate is not null && (ReferenceEquals(signing, candidate)
            || (!string.IsNullOrEmpty(signing.KeyId) && signing.KeyId == candidate.KeyId
                && signing.CanComputeJwkThumbprint() && candidate.CanComputeJwkThumbprint()
                && signing.ComputeJwkThumbprint().AsSpan().SequenceEqual(candidate.ComputeJwkThumbprint())));

    private static Hash HashOf(string token)
    {
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var rented = length <= 4096 ? null : ArrayPool<byte>.Shared.Rent(length);
        var utf8 = rented ?? stackalloc byte[4096];
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(token, utf8)], digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return new Hash(
            BitConverter.ToUInt64(digest[..8]), BitConverter.ToUInt64(digest[8..16]),
            BitConverter.ToUInt64(digest[16..24]), BitConverter.ToUInt64(digest[24..]));
    }

    private readonly record struct Hash(ulong A, ulong B, ulong C, ulong D);

    private sealed record Entry(TokenValidationResult Result, DateTimeOffset Until);
}
