using Industry.Demo.Loading;

namespace Industry.Demo;

/// <summary>Prints each progress snapshot as one line (phases still running), and a table of every phase at the end.</summary>
internal sealed class ConsoleProgress : IProgress<DemoProgress>
{
    public void Report(DemoProgress value)
    {
        if (!value.Finished)
        {
            var running = value.Phases.Where(p => !p.Finished).Select(p => $"{p.Name} {p.Done:N0}/{p.Total:N0} ({p.Rate:N0}/s)");
            Console.WriteLine($"[{value.Elapsed.TotalSeconds,5:F0}s] {string.Join(" | ", running)}");
            return;
        }

        Console.WriteLine($"{"phase",-32} {"calls",8} {"seconds",8} {"calls/s",8}");
        foreach (var p in value.Phases)
        {
            Console.WriteLine($"{p.Name,-32} {p.Done,8:N0} {p.Elapsed.TotalSeconds,8:F1} {p.Rate,8:N0}");
        }
    }
}
