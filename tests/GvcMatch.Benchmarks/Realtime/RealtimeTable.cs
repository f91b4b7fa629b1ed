using GvcMatch.Benchmarks.Infrastructure;

namespace GvcMatch.Benchmarks.Realtime;

/// <summary>The Markdown table of a real-time run: one row per series.</summary>
public static class RealtimeTable
{
    public static void Print(IEnumerable<(Latencies Series, int Connections)> rows)
    {
        Console.WriteLine("| series | connections | messages | errors | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (s, connections) in rows)
        {
            Console.WriteLine($"| {s.Name} | {connections:N0} | {s.Count + s.Errors:N0} | {s.Errors:N0} | " +
                              $"{s.Percentile(50):0.00} | {s.Percentile(95):0.00} | {s.Percentile(99):0.00} | {s.Max:0.00} |");
        }
    }
}
