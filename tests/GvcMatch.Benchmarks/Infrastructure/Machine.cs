using System.Globalization;

namespace GvcMatch.Benchmarks.Infrastructure;

/// <summary>What the machine was doing while a figure was taken; printed beside every table.</summary>
public static class Machine
{
    /// <summary>The 1, 5 and 15 minute load averages, as <c>uptime</c> shows them.</summary>
    public static string Load() =>
        File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string Describe() =>
        $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, load average {Load()}, .NET {Environment.Version}";

    /// <summary>Peak resident memory of this process (VmHWM), in MiB.</summary>
    public static double PeakMemoryMiB(int? pid = null)
    {
        var file = $"/proc/{(pid is { } p ? p.ToString(CultureInfo.InvariantCulture) : "self")}/status";
        if (!File.Exists(file)) return Environment.WorkingSet / 1048576.0;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }
}
