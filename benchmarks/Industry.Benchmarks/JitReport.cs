using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Industry.Benchmarks;

/// <summary>
/// Diagnostics for a window the JIT compiler keeps busy: with <c>BENCH_JIT_REPORT=1</c>, counts the methods the runtime
/// compiles (the runtime's own <c>MethodJittingStarted</c> events) by type and name, and prints the most frequent to
/// stderr when the window ends. Code that settles compiles each method a few times (tier 0, instrumented, tier 1);
/// a method compiled over and over is dynamic code generated per call.
/// </summary>
internal sealed class JitReport : EventListener
{
    private const EventKeywords JitKeyword = (EventKeywords)0x10;

    private readonly ConcurrentDictionary<string, int> _compiled = new(StringComparer.Ordinal);
    private volatile bool _counting;

    private JitReport()
    {
    }

    public static JitReport? StartIfRequested(string window)
    {
        if (Environment.GetEnvironmentVariable("BENCH_JIT_REPORT") != "1")
        {
            return null;
        }

        var report = new JitReport { Window = window };
        report._counting = true;
        return report;
    }

    private string Window { get; init; } = string.Empty;

    /// <summary>Stops counting and prints the <paramref name="top"/> methods compiled most often.</summary>
    public void Print(int top = 25)
    {
        _counting = false;
        Console.Error.WriteLine($"JIT report, {Window}: {_compiled.Values.Sum():N0} compilations of {_compiled.Count:N0} methods");
        foreach (var (method, count) in _compiled.OrderByDescending(c => c.Value).Take(top))
        {
            Console.Error.WriteLine($"  {count,6}  {method}");
        }

        Dispose();
    }

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (!_counting || eventData.EventName?.StartsWith("MethodJittingStarted", StringComparison.Ordinal) != true || eventData.Payload is not { } payload || eventData.PayloadNames is not { } names)
        {
            return;
        }

        var ns = payload[names.IndexOf("MethodNamespace")] as string;
        var name = payload[names.IndexOf("MethodName")] as string;
        _compiled.AddOrUpdate($"{ns}::{name}", 1, (_, n) => n + 1);
    }
}
