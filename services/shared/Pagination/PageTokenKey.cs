using System.Text;
using Industry.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Industry.ServiceDefaults.Pagination;

/// <summary>
/// Where the page-token signing key comes from: <c>Pagination:TokenKey</c> (base64, at least 16 bytes), shared by
/// all replicas of a service so a token issued by one is accepted by another. The development environments
/// (<see cref="DevelopmentEnvironments"/>: development, tests, benchmarks) fall back to a fixed, public key; any other
/// environment must configure one, or the service refuses to start.
/// </summary>
public static class PageTokenKey
{
    /// <summary>The fixed, public key of the development environments (public so that tests can forge tokens with it).</summary>
    public const string DevelopmentKey = "industry-development-page-token-key";

    internal static PageTokenCodec CreateCodec(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Pagination:TokenKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new PageTokenCodec(Convert.FromBase64String(configured));
        }

        if (!environment.AcceptsDevelopmentKeys())
        {
            throw new InvalidOperationException(
                $"Pagination:TokenKey is not set (environment {environment.EnvironmentName}). Configure a base64 key of at least 16 bytes, the same for every replica (Pagination__TokenKey).");
        }

        return new PageTokenCodec(Encoding.UTF8.GetBytes(DevelopmentKey));
    }
}
