using System.Diagnostics;
using GvcMatch.Benchmarks.Infrastructure;
using GvcMatch.Embeddings;
using GvcMatch.Search;
using GvcMatch.Search.Lucene;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Benchmarks.Generation;

/// <summary>
/// <c>generate --count N --out DIR [--target db|index] [--seed S]</c>. DIR is laid out as the app's
/// data folder: <c>gvcmatch.db</c> for the database target, <c>index/</c> for the index target, so
/// <c>Data__Folder=DIR</c> points the app at it. <c>--vectors</c> (index target) gives every supplier a
/// vector: embedding every profile would take hours on two cores, so the model embeds each tag the
/// generator uses once, and a supplier's vector is the normalised mean of its capability and material
/// tags' vectors plus a little noise. Suppliers with similar tags are near each other, as with real
/// profile embeddings, which is what a recall measurement of an approximate index needs.
/// </summary>
public static class GenerateCommand
{
    private const int BatchSize = 2000;

    public static async Task<int> RunAsync(Args args)
    {
        var count = args.Int("count", 100_000);
        var folder = Path.GetFullPath(args.Required("out"));
        var target = args.Text("target", "db");
        var generator = new ProfileGenerator(args.Int("seed", 42), DateTimeOffset.UtcNow, CodeLists.Load(Repo.ReferenceFolder));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Generating {count:N0} suppliers into {folder} ({target}); {Machine.Describe()}");
        var watch = Stopwatch.StartNew();
        var written = target switch
        {
            "index" => await WriteIndexAsync(generator, count, folder, args.Flag("vectors") ? await TagVectorsAsync() : null),
            "db" => await WriteDatabaseAsync(generator, count, folder),
            _ => throw new ArgumentException("--target is db or index."),
        };
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"Wrote {written:N0} in {seconds:0.0} s ({written / seconds:0}/s), peak memory {Machine.PeakMemoryMiB():0} MiB.");
        return 0;
    }

    /// <summary>Search documents built by the app's own <see cref="SupplierDocuments.Build"/>, straight into a Lucene rebuild.</summary>
    private static async Task<int> WriteIndexAsync(ProfileGenerator generator, int count, string folder, Dictionary<string, float[]>? vectors)
    {
        var random = new Random(7);
        using var index = new LuceneSearchIndex(Path.Combine(folder, "index"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var written = 0;
        // Stamped with the app's understanding, so an app started over this folder does not rebuild it.
        await using var rebuild = await index.BeginRebuildAsync(IndexFreshness.Of(Repo.Vocabulary));
        for (var start = 0; start < count; start += BatchSize)
        {
            var documents = new List<SearchDocument>(BatchSize);
            for (var n = start; n < Math.Min(count, start + BatchSize); n++)
            {
                var org = generator.Create(n);
                org.Id = n + 1;
                var profile = org.Profile!;
                profile.OrganizationId = org.Id;
                // Same rule as SupplierDocuments.Indexable: stale profiles stay out of the index.
                if (profile.RenewalDue is { } due && due < today) continue;
                var document = SupplierDocuments.Build(profile, today, Repo.Vocabulary);
                if (vectors is not null) document = document with { Vector = VectorOf(profile.Capabilities.Concat(profile.Materials), vectors, random) };
                documents.Add(document);
            }
            await rebuild.AddAsync(documents);
            written += documents.Count;
            Progress(start + BatchSize, count);
        }
        await rebuild.CompleteAsync(0);
        Console.WriteLine();
        return written;
    }

    /// <summary>Every capability and material tag of the generator, embedded by the model as a phrase.</summary>
    private static async Task<Dictionary<string, float[]>> TagVectorsAsync()
    {
        using var model = new MiniLmEmbeddingGenerator(batchSize: 32);
        var watch = Stopwatch.StartNew();
        var tags = Sectors.All.SelectMany(s => s.Capabilities.Concat(s.Materials)).Distinct(StringComparer.Ordinal).ToList();
        var vectors = (await model.GenerateAsync(tags)).Select(e => e.Vector.ToArray()).ToList();
        Console.WriteLine($"Embedded {tags.Count} tags in {watch.Elapsed.TotalSeconds:0.0} s; a supplier's vector is the mean of its tags' with noise.");
        return tags.Zip(vectors).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal);
    }

    private static float[] VectorOf(IEnumerable<string> tags, Dictionary<string, float[]> vectors, Random random)
    {
        var sum = new float[vectors.First().Value.Length];
        foreach (var tag in tags)
        {
            if (!vectors.TryGetValue(tag, out var v)) continue;
            for (var i = 0; i < sum.Length; i++) sum[i] += v[i];
        }
        var norm = MathF.Sqrt(sum.Sum(x => x * x));
        for (var i = 0; i < sum.Length; i++) sum[i] = sum[i] / Math.Max(norm, 1e-6f) + (float)(random.NextDouble() - 0.5) * 0.05f;
        return MiniLmEmbeddingGenerator.Normalize(sum);
    }

    /// <summary>
    /// Rows through the app's DbContext and migrations, in batches with change detection off and a
    /// fresh context per batch so the change tracker never holds more than one batch.
    /// </summary>
    private static async Task<int> WriteDatabaseAsync(ProfileGenerator generator, int count, string folder)
    {
        await using var app = AppHost.Build(folder);
        await DatabaseStartup.MigrateAsync(app.Services);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var existing = await db.Organizations.CountAsync(o => o.Kind == OrganizationKind.Sme);
            if (existing > 0) throw new InvalidOperationException($"{folder} already holds {existing} suppliers: generate into an empty folder.");
            // A bulk load, not a live database: fewer fsyncs per batch.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        for (var start = 0; start < count; start += BatchSize)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = new List<Organization>(BatchSize);
            for (var n = start; n < Math.Min(count, start + BatchSize); n++) batch.Add(generator.Create(n));
            db.Organizations.AddRange(batch);
            await db.SaveChangesAsync();
            Progress(start + BatchSize, count);
        }
        Console.WriteLine();
        return count;
    }

    private static void Progress(int done, int total)
    {
        if (!Console.IsOutputRedirected) Console.Write($"\r{Math.Min(done, total):N0} / {total:N0}");
        else if (done % 20_000 == 0) Console.WriteLine($"{Math.Min(done, total):N0} / {total:N0}");
    }
}
