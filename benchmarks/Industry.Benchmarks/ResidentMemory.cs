using System.Globalization;

namespace Industry.Benchmarks;

/// <summary>Resident memory of a process, from <c>/proc/&lt;pid&gt;/status</c> (Linux).</summary>
internal readonly record struct ResidentMemory(long RssBytes, long PeakRssBytes)
{
    public static ResidentMemory? Read(int pid)
    {
        try
        {
            long rss = 0, peak = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    peak = Kilobytes(line);
                }
            }

            return new ResidentMemory(rss * 1024, peak * 1024);
        }
        catch (IOException)
        {
            return null; // the process has exited
        }
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
}
