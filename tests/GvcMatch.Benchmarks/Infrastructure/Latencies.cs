namespace GvcMatch.Benchmarks.Infrastructure;

/// <summary>Recorded latencies of one series, with the percentiles and throughput the tables print.</summary>
public sealed class Latencies(string name)
{
    private readonly List<double> _ms = [];
    private readonly List<double> _cpuMs = [];

    public string Name { get; } = name;
    public int Count => _ms.Count;
    private int _errors;

    public int Errors => _errors;

    public void AddError() => Interlocked.Increment(ref _errors);

    /// <summary>Wall-clock time the series spent running, for throughput.</summary>
    public TimeSpan Busy { get; set; }

    public void Add(double milliseconds)
    {
        lock (_ms) _ms.Add(milliseconds);
    }

    /// <summary>CPU time of the measuring thread for one sample (only series measured in one thread record it).</summary>
    public void AddCpu(double milliseconds)
    {
        lock (_ms) _cpuMs.Add(milliseconds);
    }

    public double CpuMean => _cpuMs.Count == 0 ? double.NaN : _cpuMs.Average();

    private long _allocatedBytes;
    private int _allocationSamples;

    /// <summary>Bytes the measuring thread allocated for one sample (series measured in one thread only).</summary>
    public void AddAllocation(long bytes)
    {
        Interlocked.Add(ref _allocatedBytes, bytes);
        Interlocked.Increment(ref _allocationSamples);
    }

    public double AllocatedKbMean => _allocationSamples == 0 ? double.NaN : _allocatedBytes / 1024.0 / _allocationSamples;

    public double Percentile(double p)
    {
        if (_ms.Count == 0) return double.NaN;
        var sorted = _ms.Order().ToArray();
        // Nearest rank: the smallest value with at least p% of samples at or below it.
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public double Mean => _ms.Count == 0 ? double.NaN : _ms.Average();
    public double Max => _ms.Count == 0 ? double.NaN : _ms.Max();
    public double PerSecond => Busy.TotalSeconds > 0 ? _ms.Count / Busy.TotalSeconds : double.NaN;

    public static void PrintTable(IEnumerable<Latencies> rows, bool throughput = true)
    {
        var list = rows.ToList();
        var cpu = list.Any(r => r._cpuMs.Count > 0);
        var allocation = list.Any(r => r._allocationSamples > 0);
        Console.WriteLine("| series | n | errors | p50 ms | p95 ms | p99 ms | max ms | mean ms |" + (cpu ? " CPU ms mean |" : "") + (allocation ? " KB allocated mean |" : "") + (throughput ? " per second |" : ""));
        Console.WriteLine("|---|---|---|---|---|---|---|---|" + (cpu ? "---|" : "") + (allocation ? "---|" : "") + (throughput ? "---|" : ""));
        foreach (var r in list)
        {
            var line = $"| {r.Name} | {r.Count} | {r.Errors} | {r.Percentile(50):0.00} | {r.Percentile(95):0.00} | {r.Percentile(99):0.00} | {r.Max:0.00} | {r.Mean:0.00} |";
            if (cpu) line += $" {r.CpuMean:0.00} |";
            if (allocation) line += $" {r.AllocatedKbMean:0} |";
            Console.WriteLine(throughput ? line + $" {r.PerSecond:0} |" : line);
        }
    }
}
