namespace GvcMatch.Search.Tests.Elasticsearch;

/// <summary>
/// The capacity filter matching and the composer build (the measure, and the minimum per month in the
/// base unit) as Elasticsearch receives it: the same keyword and range fields the Lucene index filters on.
/// </summary>
public sealed class ElasticsearchCapacityRequestTests
{
    [Fact]
    public async Task A_capacity_filter_is_a_term_on_the_measure_and_a_range_on_the_base_amount()
    {
        var query = new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            Filters = [new KeywordFilter("capacityMeasure", ["kg per month"])],
            Ranges = [new RangeFilter("capacityBase", 2000, null)],
            Take = 60,
        };

        var body = (await ElasticsearchSearchRequestTests.SendAsync(query)).ToString();

        Assert.Contains("\"keywords.capacityMeasure\"", body);
        Assert.Contains("kg per month", body);
        Assert.Contains("\"numbers.capacityBase\"", body);
        Assert.Contains("\"gte\":2000", body.Replace(" ", "").Replace("\n", ""));
    }

    [Fact]
    public async Task Sorting_by_the_base_amount_is_sent_as_a_sort_on_the_number_field()
    {
        var query = new SearchQuery
        {
            Kind = DocumentKind.Supplier,
            Text = "moulding",
            Filters = [new KeywordFilter("capacityMeasure", ["pieces per month"])],
            Sort = new SortBy("capacityBase", Descending: true),
            Take = 60,
        };

        var body = await ElasticsearchSearchRequestTests.SendAsync(query);

        var sort = body.Items("sort");
        Assert.Equal("desc", sort[0].Str("numbers.capacityBase", "order"));
        Assert.Equal("_last", sort[0].Str("numbers.capacityBase", "missing"));
    }
}
