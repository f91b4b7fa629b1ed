using GvcMatch.Search;

namespace GvcMatch.Search.Tests;

/// <summary>Full rebuilds: the old index serves until the new one is complete.</summary>
public abstract partial class SearchIndexContractTests
{
    [Fact]
    public async Task ARebuildServesTheOldIndexUntilItCompletes()
    {
        await SeedAsync();
        await using var rebuild = await Index.BeginRebuildAsync();
        await rebuild.AddAsync([Doc(100, "Hydraulic cylinders"), Doc(101, "Steel hydraulic pumps")]);
        Assert.Equal([7, 12, 19, 30], (await IdsAsync("steel")).Order());
        Assert.Empty(await IdsAsync("hydraulic"));

        await rebuild.CompleteAsync(40);

        Assert.Equal([100, 101], await IdsAsync("hydraulic"));
        Assert.Equal([101], await IdsAsync("steel"));
        Assert.Equal(40, await Index.GetCheckpointAsync());
        Assert.Equal(2, (await Index.CountAsync())[DocumentKind.Supplier]);
    }

    [Fact]
    public async Task ARebuildRecordsItsFingerprintAndLaterChangesKeepIt()
    {
        Assert.Null(await Index.GetFingerprintAsync());
        await using (var rebuild = await Index.BeginRebuildAsync("understanding v1"))
        {
            await rebuild.AddAsync([Doc(100, "Hydraulic cylinders")]);
            // Until the swap the live index is the old one, and so is its fingerprint.
            Assert.Null(await Index.GetFingerprintAsync());
            await rebuild.CompleteAsync(40);
        }
        Assert.Equal("understanding v1", await Index.GetFingerprintAsync());

        await Index.ApplyAsync([Upsert(Doc(101, "Hydraulic pumps"))], 41);
        Assert.Equal("understanding v1", await Index.GetFingerprintAsync());

        await using (var again = await Index.BeginRebuildAsync("understanding v2")) await again.CompleteAsync(41);
        Assert.Equal("understanding v2", await Index.GetFingerprintAsync());
    }

    [Fact]
    public async Task ChangesAfterARebuildApplyToTheNewIndex()
    {
        await SeedAsync();
        await using (var rebuild = await Index.BeginRebuildAsync())
        {
            await rebuild.AddAsync([Doc(100, "Hydraulic cylinders")]);
            await rebuild.CompleteAsync(40);
        }
        await Index.ApplyAsync([Upsert(Doc(101, "Hydraulic pumps"))], 41);
        Assert.Equal([100, 101], await IdsAsync("hydraulic"));
        Assert.Equal(41, await Index.GetCheckpointAsync());
    }

    [Fact]
    public async Task SearchesKeepWorkingWhileARebuildIsSwappedIn()
    {
        await SeedAsync();
        var rebuild = await Index.BeginRebuildAsync();
        await rebuild.AddAsync([Doc(100, "Steel hydraulic pumps")]);
        using var stop = new CancellationTokenSource();
        var reads = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var seen = new HashSet<long>();
            while (!stop.IsCancellationRequested)
                seen.Add((await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "steel", Highlight = true })).Total);
            return seen;
        })).ToList();
        await Task.Delay(50);
        await rebuild.CompleteAsync(2);
        await rebuild.DisposeAsync();
        await Task.Delay(50);
        await stop.CancelAsync();
        foreach (var seen in await Task.WhenAll(reads))
            Assert.Subset(new HashSet<long> { 4, 1 }, seen);
        Assert.Equal([100], await IdsAsync("steel"));
    }

    [Fact]
    public async Task AnAbandonedRebuildLeavesTheIndexAsItWas()
    {
        await SeedAsync();
        await using (var rebuild = await Index.BeginRebuildAsync())
        {
            await rebuild.AddAsync([Doc(100, "Hydraulic cylinders")]);
        }
        Assert.Empty(await IdsAsync("hydraulic"));
        Assert.Equal(SearchTestData.Suppliers.Count, (await Index.CountAsync())[DocumentKind.Supplier]);
        Assert.Equal(1, await Index.GetCheckpointAsync());
    }

    [Fact]
    public async Task ADocumentAddedTwiceToARebuildIsIndexedOnce()
    {
        await using (var rebuild = await Index.BeginRebuildAsync())
        {
            await rebuild.AddAsync([Doc(100, "Hydraulic cylinders")]);
            await rebuild.AddAsync([Doc(100, "Hydraulic cylinders")]);
            await rebuild.CompleteAsync(3);
        }
        Assert.Equal([100], await IdsAsync("hydraulic"));
    }
}
