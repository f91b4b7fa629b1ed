namespace GvcMatch.Benchmarks.Realtime;

/// <summary>The open-file limit, which caps how many sockets a process may hold.</summary>
public static class FileLimits
{
    /// <summary>This process's soft limit on open files (the .NET runtime raises it to the hard limit on start), or null where unknown.</summary>
    public static long? OpenFiles()
    {
        const string file = "/proc/self/limits";
        if (!File.Exists(file)) return null;
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries).ElementAtOrDefault(3);
        return soft switch
        {
            null => null,
            "unlimited" => long.MaxValue,
            _ => long.TryParse(soft, out var n) ? n : null,
        };
    }

    /// <summary>Stops with a clear message before any socket is opened when the limit is too low.</summary>
    public static void Require(long needed)
    {
        if (OpenFiles() is { } limit && limit < needed)
        {
            throw new InvalidOperationException(
                $"This run needs about {needed:N0} open files per process but the limit is {limit:N0}. " +
                $"Raise it in the shell first, e.g. `ulimit -n {Math.Max(needed, 4096)}` (or the hard limit in /etc/security/limits.conf).");
        }
    }
}
