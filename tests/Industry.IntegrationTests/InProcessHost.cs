using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Industry.IntegrationTests;

/// <summary>A service's pieces hosted in the test process, and reads of its database while it runs.</summary>
public abstract class InProcessHost<TContext>(WebApplication app) : IAsyncDisposable
    where TContext : DbContext
{
    public async Task<T> QueryAsync<T>(Func<TContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TContext>());
    }

    /// <summary>Polls until <paramref name="condition"/> holds, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitUntilAsync(Func<TContext, Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await QueryAsync(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {timeout}: {what}");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
