using System.Globalization;
using System.Text;
using GvcMatch.Search.Lucene;

namespace GvcMatch.Search.Tests;

/// <summary>
/// A rebuild writes in bulk (a fresh folder, a large buffer, two threads, no per-document duplicate
/// lookups); the app serves the index that changes write one batch at a time. Both must give the
/// same answers: the same hits in the same order with the same scores, totals, facets and snippets.
/// </summary>
public sealed class RebuildEquivalenceTests : IDisposable
{
    private const int Count = 4_000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "gvcmatch-rebuild-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task ARebuiltIndexAnswersEveryQueryExactlyAsTheIndexWrittenChangeByChange()
    {
        var documents = Corpus();
        using var applied = new LuceneSearchIndex(Path.Combine(_folder, "applied"));
        var checkpoint = 0;
        foreach (var batch in documents.Chunk(250))
            await applied.ApplyAsync(batch.Select(d => new IndexChange(d.Kind, d.EntityId, d)).ToList(), ++checkpoint);
        using var rebuilt = new LuceneSearchIndex(Path.Combine(_folder, "rebuilt"));
        await using (var rebuild = await rebuilt.BeginRebuildAsync())
        {
            foreach (var page in documents.Chunk(1_000)) await rebuild.AddAsync(page);
            await rebuild.CompleteAsync(checkpoint);
        }

        Assert.Equal(await applied.CountAsync(), await rebuilt.CountAsync());
        foreach (var query in Queries())
        {
            var expected = Render(await applied.SearchAsync(query));
            Assert.True(expected.Length > 40, $"the query {Describe(query)} finds something");
            Assert.Equal(expected, Render(await rebuilt.SearchAsync(query)));
        }
    }

    [Fact]
    public async Task ADocumentHandedToARebuildTwiceIsIndexedOnceInItsLastVersion()
    {
        var documents = Corpus().Take(1_500).ToList();
        using var index = new LuceneSearchIndex(Path.Combine(_folder, "twice"));
        await using (var rebuild = await index.BeginRebuildAsync())
        {
            await rebuild.AddAsync(documents.Take(1_000).ToList());
            // Rows that moved while the rebuild paged: 900 seen again, in the next page and twice within it.
            var again = documents.Skip(100).Take(900).Select(d => d with { Title = "Relabelled " + d.EntityId });
            await rebuild.AddAsync([.. documents.Skip(1_000), .. again, .. again.Take(10)]);
            await rebuild.CompleteAsync(1);
        }

        Assert.Equal(1_500, (await index.CountAsync())[DocumentKind.Supplier]);
        var relabelled = await index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "relabelled", Take = 1_000 });
        Assert.Equal(Enumerable.Range(101, 900), relabelled.Hits.Select(h => h.EntityId).Order());
    }

    /// <summary>The shared catalogue's texts recombined: varied lengths, languages, keywords and numbers, with generated vectors.</summary>
    private static List<SearchDocument> Corpus()
    {
        var random = new Random(7);
        var vectors = new GeneratedVectors(Count, seed: 3);
        var sources = SearchTestData.Suppliers;
        return Enumerable.Range(1, Count).Select(id =>
        {
            var a = sources[random.Next(sources.Count)];
            var b = sources[random.Next(sources.Count)];
            var body = random.Next(3) switch { 0 => a.Body, 1 => a.Body + "\n" + b.Body, _ => a.Body + "\n" + b.Title + ", " + b.Body };
            var keywords = new Dictionary<string, IReadOnlyList<string>>(a.Keywords)
            {
                ["country"] = [vectors.Country(id)],
                ["certification"] = [.. a.Values("certification").Concat(b.Values("certification")).Distinct()],
            };
            var numbers = new Dictionary<string, double>(a.Numbers) { ["updated"] = 1_700_000_000 + random.Next(10_000_000) };
            if (random.Next(4) > 0) numbers["leadTimeDays"] = random.Next(5, 90);
            return (vectors.Document(id) with { Title = a.Title, Body = body, Keywords = keywords, Numbers = numbers, Payload = $$"""{"id":{{id}}}""" });
        }).ToList();
    }

    private static IEnumerable<SearchQuery> Queries()
    {
        string[] texts = ["steel", "aluminium machining", "\"die casting\"", "titanium -medical", "fundición", "精密切削", "金型", "gearbox repair", "precision tolerances"];
        foreach (var text in texts)
        {
            yield return new SearchQuery { Kind = DocumentKind.Supplier, Text = text, Take = 50, Facets = ["country", "certification"], Highlight = true };
            yield return new SearchQuery { Kind = DocumentKind.Supplier, Text = text, AnyTerm = true, Take = 50, Skip = 10 };
        }
        yield return new SearchQuery
        {
            Kind = DocumentKind.Supplier, Text = "machining", Filters = [new KeywordFilter("country", ["DE", "JP"])],
            Ranges = [new RangeFilter("leadTimeDays", 10, 40)], Sort = new SortBy("leadTimeDays", Descending: true), Take = 100,
        };
        yield return new SearchQuery { Kind = DocumentKind.Supplier, RankByTerms = new KeywordFilter("certification", ["ISO9001", "AS9100", "IATF16949"]), Take = 100 };
        var probes = new GeneratedVectors(Count, seed: 3);
        foreach (var id in new[] { 5, 777, 2_500 })
        {
            yield return new SearchQuery { Kind = DocumentKind.Supplier, Vector = probes.Document(id).Vector, Take = 50 };
            yield return new SearchQuery { Kind = DocumentKind.Supplier, Vector = probes.Document(id).Vector, Filters = [new KeywordFilter("country", ["FR"])], Take = 20 };
        }
    }

    private static string Render(SearchResult result)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"total {result.Total}\n");
        foreach (var hit in result.Hits)
            text.Append(CultureInfo.InvariantCulture, $"{hit.EntityId} {hit.Score:R} {hit.Title} [{string.Join(" | ", hit.Highlights)}]\n");
        foreach (var (field, values) in result.Facets.OrderBy(f => f.Key, StringComparer.Ordinal))
            text.Append(CultureInfo.InvariantCulture, $"{field}: {string.Join(", ", values.Select(v => $"{v.Value}={v.Count}"))}\n");
        return text.ToString();
    }

    private static string Describe(SearchQuery query) => query.Text ?? (query.Vector is not null ? "by vector" : "by terms");

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
