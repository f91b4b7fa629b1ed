using GvcMatch.Search;

namespace GvcMatch.Search.Tests;

/// <summary>Languages, phrases, exclusions, highlights, ranking order and refused queries.</summary>
public abstract partial class SearchIndexContractTests
{
    [Fact]
    public async Task EveryWordOfTheQueryIsRequired()
    {
        await SeedAsync();
        Assert.Equal([2], await IdsAsync("aluminium casting"));
    }

    [Fact]
    public async Task AnAnyTermQueryRanksDocumentsWithMoreOfTheWordsFirst()
    {
        await Index.ApplyAsync(
        [
            Upsert(Doc(1, "Hydraulic cylinders")),
            Upsert(Doc(2, "Pneumatic cylinders")),
            Upsert(Doc(3, "Hydraulic and pneumatic cylinders")),
            Upsert(Doc(4, "Electric motors")),
        ], 1);
        var any = await IdsAsync("hydraulic pneumatic", shape: q => q with { AnyTerm = true });
        Assert.Equal(3, any[0]);
        Assert.Equal([1, 2, 3], any.Order());
        Assert.Equal([3], await IdsAsync("hydraulic pneumatic"));
        Assert.Equal([1], await IdsAsync("hydraulic -pneumatic", shape: q => q with { AnyTerm = true }));
    }

    [Fact]
    public async Task EnglishWordFormsFindEachOther()
    {
        await SeedAsync();
        var machined = await IdsAsync("machined");
        Assert.Contains(1, machined);   // "machining"
        Assert.Contains(5, machined);   // "machined"
        Assert.Contains(25, machined);  // "machining"
        Assert.Equal([16], await IdsAsync("fastener"));
    }

    [Fact]
    public async Task SpanishAccentsAreOptionalInBothDirections()
    {
        await SeedAsync();
        Assert.Equal([3, 24], (await IdsAsync("fundicion")).Order());
        Assert.Equal([3, 24], (await IdsAsync("fundición")).Order());
        Assert.Equal([11], await IdsAsync("aeronautica"));
        Assert.Equal([1, 11, 23], (await IdsAsync("precisión")).Order());
    }

    [Fact]
    public async Task JapaneseTextIsFindableByItsWords()
    {
        await SeedAsync();
        Assert.Equal([4], await IdsAsync("精密切削"));
        Assert.Equal([4], await IdsAsync("切削加工"));
        Assert.Equal([18], await IdsAsync("金型"));
        Assert.Equal([4], await IdsAsync("アルミニウム"));
    }

    [Fact]
    public async Task APhraseMatchesOnlyWordsInThatOrder()
    {
        await SeedAsync();
        Assert.Equal([7], await IdsAsync("\"sheet metal\""));
        Assert.Empty(await IdsAsync("\"metal sheet\""));
        Assert.Equal([7], await IdsAsync("metal sheet"));
    }

    [Fact]
    public async Task AnExcludedWordRemovesItsDocuments()
    {
        await SeedAsync();
        var ids = await IdsAsync("aluminium -casting");
        Assert.Contains(1, ids);
        Assert.Contains(29, ids);
        Assert.DoesNotContain(2, ids);
        Assert.DoesNotContain(1, await IdsAsync("aluminium -\"aerospace parts\""));
    }

    [Fact]
    public async Task HighlightsMarkTheMatchAndNeverCarryMarkupFromTheDocument()
    {
        await SeedAsync();
        var result = await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "anodising", Highlight = true });
        var snippet = Assert.Single(Assert.Single(result.Hits).Highlights);
        Assert.Contains("<mark>anodising</mark>", snippet, StringComparison.OrdinalIgnoreCase);
        var withoutMarks = snippet.Replace("<mark>", "").Replace("</mark>", "");
        Assert.DoesNotContain("<", withoutMarks);
        Assert.DoesNotContain(">", withoutMarks);
    }

    [Fact]
    public async Task HighlightsKeepAccentedTextReadable()
    {
        await SeedAsync();
        var result = await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "fundicion hierro", Highlight = true });
        var snippet = Assert.Single(Assert.Single(result.Hits).Highlights);
        Assert.Contains("<mark>Fundición</mark>", snippet);
        Assert.Contains("<mark>hierro</mark>", snippet);
        Assert.Contains("agrícola", snippet);
    }

    [Fact]
    public async Task HighlightsAreOmittedUnlessAsked()
    {
        await SeedAsync();
        var result = await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "anodising" });
        Assert.Empty(Assert.Single(result.Hits).Highlights);
    }

    /// <summary>The order every provider must agree on: title over body, more matches first, then entity id.</summary>
    [Theory]
    [InlineData("gearbox", new[] { 31, 32, 33, 34 })]
    [InlineData("gearbox repair", new[] { 32, 31 })]
    [InlineData("titanium", new[] { 5, 16, 1 })]
    [InlineData("cnc", new[] { 1, 11 })]
    public async Task TopResultsComeInTheAgreedOrder(string text, int[] expected)
    {
        await SeedAsync();
        Assert.Equal(expected, await IdsAsync(text));
    }

    [Fact]
    public async Task EqualScoresAreOrderedByEntityId()
    {
        await SeedAsync();
        var hits = (await Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = "shafts couplings" })).Hits;
        Assert.Equal([33, 34], hits.Select(h => h.EntityId));
        Assert.Equal(hits[0].Score, hits[1].Score);
    }

    [Theory]
    [InlineData("\"cnc milling", "q")]
    [InlineData("-casting", "q")]
    public async Task MalformedTextIsRefused(string text, string field)
    {
        await SeedAsync();
        var error = await Assert.ThrowsAsync<SearchQueryException>(() => Index.SearchAsync(new SearchQuery { Kind = DocumentKind.Supplier, Text = text }));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public async Task UnknownFieldsAndHugePagesAreRefused()
    {
        await SeedAsync();
        async Task<SearchQueryException> Refused(SearchQuery query) =>
            await Assert.ThrowsAsync<SearchQueryException>(() => Index.SearchAsync(query));
        var supplier = new SearchQuery { Kind = DocumentKind.Supplier };
        Assert.Equal("facets", (await Refused(supplier with { Facets = ["colour"] })).Field);
        Assert.Equal("status", (await Refused(supplier with { Filters = [new KeywordFilter("status", ["Open"])] })).Field);
        Assert.Equal("price", (await Refused(supplier with { Ranges = [new RangeFilter("price", 1, 2)] })).Field);
        Assert.Equal("sort", (await Refused(supplier with { Sort = new SortBy("title", false) })).Field);
        Assert.Equal("pageSize", (await Refused(supplier with { Take = 5000 })).Field);
        Assert.Equal("page", (await Refused(supplier with { Skip = 9990, Take = 20 })).Field);
    }
}
