using System.Diagnostics;
using System.Text.Json;
using Industry.TestInfrastructure;

namespace Industry.EndToEndTests.WebPage;

/// <summary>
/// A throwaway OpenID Connect provider (web/e2e/oidc-idp.mjs, oidc-provider from web/e2e's lockfile) on a port of its
/// own, with the page registered as a public client at the redirect URI it is started with; killed on dispose (ADR 0037).
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly List<string> _output = [];

    private TestIdentityProvider(Process process, Uri issuer)
    {
        _process = process;
        Issuer = issuer;
    }

    /// <summary>The issuer URL, which is also the authority the suite is configured with.</summary>
    public Uri Issuer { get; }

    /// <summary>The issuer for a provider that will listen on <paramref name="port"/> (the suite needs it before the provider starts).</summary>
    public static Uri IssuerAt(int port) => new($"http://localhost:{port}");

    public static async Task<TestIdentityProvider> StartAsync(int port, Uri redirectUri)
    {
        var info = new ProcessStartInfo("node", ["web/e2e/oidc-idp.mjs", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--redirect-uri", redirectUri.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start node web/e2e/oidc-idp.mjs");
        var provider = new TestIdentityProvider(process, IssuerAt(port));
        process.ErrorDataReceived += (_, e) => provider.Keep(e.Data);
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            // Its first line on stdout says it listens: {"issuer":"http://127.0.0.1:N"}.
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException($"the identity provider exited:\n{provider.Output}");
            var issuer = JsonDocument.Parse(line).RootElement.GetProperty("issuer").GetString();
            Assert.Equal(provider.Issuer.ToString().TrimEnd('/'), issuer);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }

    private string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
