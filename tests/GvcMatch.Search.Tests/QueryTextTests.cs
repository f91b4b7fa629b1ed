using GvcMatch.Search;

namespace GvcMatch.Search.Tests;

public sealed class QueryTextTests
{
    [Fact]
    public void WordsPhrasesAndExclusionsAreSeparated()
    {
        var q = QueryText.Parse("cnc \"5-axis milling\" -casting aluminium");
        Assert.Equal(["cnc", "aluminium"], q.Terms);
        Assert.Equal(["5-axis milling"], q.Phrases);
        Assert.Equal(["casting"], q.Excluded);
    }

    [Fact]
    public void AnUnbalancedQuoteIsRefusedWithItsPosition()
    {
        var ex = Assert.Throws<SearchQueryException>(() => QueryText.Parse("\"cnc milling"));
        Assert.Equal("q", ex.Field);
        Assert.Contains("position 1", ex.Message);
    }

    [Fact]
    public void OperatorCharactersAreTextNotSyntax()
    {
        var q = QueryText.Parse("title:(pump* OR valve~) ISO/IEC 17025");
        Assert.Contains("ISO/IEC", q.Terms);
        Assert.DoesNotContain(q.Terms, t => t.Contains('*') || t.Contains(':') || t.Contains('('));
    }

    [Fact]
    public void JapaneseTextIsKeptWhole()
    {
        Assert.Equal(["精密切削加工"], QueryText.Parse("精密切削加工").Terms);
    }

    [Fact]
    public void UnknownFacetsAreRefused()
    {
        var ex = Assert.Throws<SearchQueryException>(() =>
            SearchSchema.Validate(new SearchQuery { Kind = DocumentKind.Supplier, Facets = ["colour"] }));
        Assert.Equal("facets", ex.Field);
    }

    [Fact]
    public void HugePagesAreRefused()
    {
        Assert.Throws<SearchQueryException>(() => SearchSchema.Validate(new SearchQuery { Kind = DocumentKind.Supplier, Take = 5000 }));
        Assert.Throws<SearchQueryException>(() => SearchSchema.Validate(new SearchQuery { Kind = DocumentKind.Supplier, Skip = 9_995, Take = 10 }));
    }
}
