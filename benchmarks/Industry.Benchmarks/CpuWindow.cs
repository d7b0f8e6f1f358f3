using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Industry.Benchmarks;

/// <summary>
/// CPU used over a measured window: by this process, and by the whole machine (<c>/proc/stat</c>), so a result taken
/// while something else loaded the machine can be told apart.
/// </summary>
internal sealed class CpuWindow
{
    private readonly TimeSpan _processStart = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly TimeSpan _jitStart = JitInfo.GetCompilationTime();
    private readonly (long Busy, long Total) _machineStart = MachineJiffies();
    private readonly ServerCpu _serversStart = ServerCpu.Read();
    private readonly long _start = Stopwatch.GetTimestamp();

    public CpuUse Stop()
    {
        var elapsed = Stopwatch.GetElapsedTime(_start);
        var process = Process.GetCurrentProcess().TotalProcessorTime - _processStart;
        var jit = JitInfo.GetCompilationTime() - _jitStart;
        var (busy, total) = MachineJiffies();
        var machineBusy = total > _machineStart.Total ? (double)(busy - _machineStart.Busy) / (total - _machineStart.Total) : double.NaN;
        return new CpuUse(process, jit, elapsed, machineBusy, ServerCpu.Read() - _serversStart);
    }

    /// <summary>Busy and total jiffies over all processors (busy: everything but idle and iowait).</summary>
    private static (long Busy, long Total) MachineJiffies()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]
                .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Take(8).Sum();
            var idle = fields[3] + fields[4];
            return (total - idle, total);
        }
        catch (IOException)
        {
            return (0, 0);
        }
    }
}

/// <summary>
/// This process's CPU time over a window of <see cref="Elapsed"/>, the part of it the JIT compiler took (code still
/// warming up), the machine's busy share over it (0–1), and the CPU the PostgreSQL and RabbitMQ servers took.
/// </summary>
internal sealed record CpuUse(TimeSpan Process, TimeSpan Jit, TimeSpan Elapsed, double MachineBusy, ServerCpu Servers)
{
    /// <summary>This process's CPU in cores (1.0 = one core fully busy).</summary>
    public double ProcessCores => Process / Elapsed;

    /// <summary>The share of the window the JIT compiler was busy.</summary>
    public double JitShare => Jit / Elapsed;

    public double MillisecondsPerMessage(int messages) => Process.TotalMilliseconds / messages;
}

/// <summary>
/// When warm-up stops: once a round spends at most <see cref="MaxJitShare"/> of its time in the JIT; or, since that
/// share is wall time of the compiler thread and a loaded machine inflates it, once the CPU per message has stopped
/// falling (two rounds in a row within 5 % of the round before, from round <see cref="MinRounds"/>: one round's figure is
/// noisy); or after <see cref="MaxRounds"/>.
/// </summary>
internal static class Warmup
{
    public const double MaxJitShare = 0.05;
    public const int MinRounds = 10;
    public const int MaxRounds = 30;

    /// <summary>
    /// Whether to stop after round number <paramref name="rounds"/>, given its CPU use and the two before it; rounds
    /// carry equal message counts.
    /// </summary>
    public static bool Done(int rounds, CpuUse round, CpuUse? previous, CpuUse? beforePrevious) =>
        round.JitShare <= MaxJitShare
        || rounds >= MaxRounds
        || (rounds >= MinRounds && previous is not null && beforePrevious is not null
            && round.Process >= previous.Process * 0.95 && previous.Process >= beforePrevious.Process * 0.95);
}
