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
