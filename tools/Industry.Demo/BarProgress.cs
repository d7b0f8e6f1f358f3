using Industry.Demo.Loading;
using Spectre.Console;

namespace Industry.Demo;

/// <summary>
/// Each phase of the load as a progress bar (Spectre.Console), for a person at a terminal; <see cref="ConsoleProgress"/>'s
/// lines are for logs and pipes. The last snapshot is kept for the table of every phase printed at the end.
/// </summary>
internal sealed class BarProgress(ProgressContext context) : IProgress<DemoProgress>
{
    private readonly Dictionary<string, ProgressTask> _bars = new(StringComparer.Ordinal);

    public DemoProgress? Last { get; private set; }

    public void Report(DemoProgress value)
    {
        lock (_bars)
        {
            Last = value;
            foreach (var phase in value.Phases)
            {
                if (!_bars.TryGetValue(phase.Name, out var bar))
                {
                    bar = _bars[phase.Name] = context.AddTask(Markup.Escape(phase.Name), maxValue: Math.Max(1, phase.Total));
                }

                bar.MaxValue = Math.Max(1, phase.Total);
                bar.Value = phase.Done;
                if (phase.Finished)
                {
                    bar.StopTask();
                }
            }
        }
    }
}
