using System.Globalization;

namespace Industry.Benchmarks.Projects;

/// <summary>
/// Watches the service process for the whole benchmark: its resident memory every 100 ms (VmRSS, and VmHWM, the
/// kernel's high-water mark over the process's whole life, which also catches peaks between samples) and its CPU time.
/// </summary>
internal sealed class ServiceMonitor : IAsyncDisposable
{
    /// <summary>USER_HZ: the unit of utime and stime in <c>/proc/&lt;pid&gt;/stat</c> on Linux.</summary>
    private const double ClockTicksPerSecond = 100;

    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _maxRss;
    private long _peak;
    private int _samples;

    public ServiceMonitor(int pid)
    {
        _pid = pid;
        _loop = Task.Run(SampleAsync);
    }

    public long PeakRssBytes => Math.Max(Interlocked.Read(ref _peak), ResidentMemory.Read(_pid)?.PeakRssBytes ?? 0);

    public long MaxSampledRssBytes => Interlocked.Read(ref _maxRss);

    public int Samples => Volatile.Read(ref _samples);

    /// <summary>User plus system CPU time of the service so far, in seconds.</summary>
    public double CpuSeconds()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{_pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return double.NaN;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (ResidentMemory.Read(_pid) is { } memory)
            {
                InterlockedMax(ref _maxRss, memory.RssBytes);
                InterlockedMax(ref _peak, memory.PeakRssBytes);
                Interlocked.Increment(ref _samples);
            }

            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
