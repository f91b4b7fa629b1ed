using System.Diagnostics;
using System.Globalization;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Embeddings;
using GvcMatch.Web.Features.Embeddings;

namespace GvcMatch.Benchmarks.Vectors;

/// <summary>
/// <c>embed [--texts 256] [--rounds 3]</c>: the model's write-time rate under several settings
/// (<see cref="MiniLmTuning"/>, batch size), each generator fed the same new profile texts, the
/// settings taking turns round by round so that load from other processes falls on all alike.
/// Compare the ratios to the package's own settings and the CPU time per text: on a shared
/// machine the wall-clock rates say more about the neighbours than about the settings. The
/// largest difference of any vector from the package settings' shows that none changes a result.
/// </summary>
public static class EmbedBenchmark
{
    public static async Task<int> RunAsync(Args args)
    {
        var count = args.Int("texts", 256);
        var rounds = args.Int("rounds", 3);
        Console.WriteLine($"embed: {count} texts x {rounds} rounds");
        Console.WriteLine($"Start: {Machine.Describe()}");
        var generator = new Generation.ProfileGenerator(97, DateTimeOffset.UtcNow, Generation.CodeLists.Load(Repo.ReferenceFolder));
        var texts = Enumerable.Range(0, count).Select(n => EmbeddingTexts.ForProfile(generator.Create(n).Profile!, Repo.Vocabulary)).ToList();
        var words = texts.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToList();
        Console.WriteLine($"Texts of {words.Min()}-{words.Max()} words (mean {words.Average():0}).");

        var settings = new (string Name, int Batch, MiniLmTuning Tuning)[]
        {
            ("package settings, texts in given order, batch 32 (before)", 32, MiniLmTuning.PackageDefaults),
            ("threads = cores, no spinning, sorted by length, batch 32 (now)", 32, new MiniLmTuning()),
            ("the same, batch 16", 16, new MiniLmTuning()),
            ("the same, batch 64", 64, new MiniLmTuning()),
            ("the same, spinning allowed", 32, new MiniLmTuning { AllowSpinning = true }),
            ("the same, not sorted", 32, new MiniLmTuning { SortByLength = false }),
        };
        var models = settings.Select(s => new MiniLmEmbeddingGenerator(s.Batch, s.Tuning)).ToList();
        var (seconds, cpu) = (settings.Select(_ => new List<double>()).ToList(), settings.Select(_ => new List<double>()).ToList());
        var vectors = new float[settings.Length][][];
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            // Each round starts with another setting, so none always runs first after the others.
            for (var k = 0; k < settings.Length; k++)
            {
                var s = (k + round) % settings.Length;
                process.Refresh();
                var before = process.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                var result = await models[s].GenerateAsync(texts);
                seconds[s].Add(watch.Elapsed.TotalSeconds);
                process.Refresh();
                cpu[s].Add((process.TotalProcessorTime - before).TotalSeconds);
                vectors[s] = result.Select(e => e.Vector.ToArray()).ToArray();
            }
        }
        Console.WriteLine($"End: {Machine.Describe()}");
        Console.WriteLine();
        Console.WriteLine("| settings | texts/s (median of rounds) | vs before, same round (median) | CPU ms per text | texts per CPU second | largest vector difference vs before |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var s = 0; s < settings.Length; s++)
        {
            var ratio = Median(Enumerable.Range(0, rounds).Select(r => seconds[0][r] / seconds[s][r]));
            var cpuPerText = Median(cpu[s]) * 1000 / count;
            var difference = vectors[s].Zip(vectors[0], (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {settings[s].Name} | {count / Median(seconds[s]):0.0} | {ratio:0.00}x | {cpuPerText:0.0} | {1000 / cpuPerText:0.0} | {difference:0.0e0} |"));
        }
        foreach (var model in models) model.Dispose();
        return 0;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
