using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Industry.ServiceDefaults.Security;

/// <summary>
/// The JWT bearer handler's token handler with <see cref="ValidatedTokenCache"/> in front (ADR 0033): a token validated
/// once is not parsed and checked again on the caller's next calls. Only valid results are cached; a token that differs
/// in any character is another entry and is validated in full.
/// </summary>
public sealed class CachingJsonWebTokenHandler(ValidatedTokenCache cache) : JsonWebTokenHandler
{
    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (cache.Find(token, validationParameters) is { } cached)
        {
            return cached;
        }

        var result = await base.ValidateTokenAsync(token, validationParameters).ConfigureAwait(false);
        cache.Add(token, result);
        return result;
    }
}
