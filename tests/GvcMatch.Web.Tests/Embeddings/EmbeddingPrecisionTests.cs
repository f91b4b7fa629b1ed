using GvcMatch.Embeddings;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>
/// <c>Embeddings:Precision</c> picks the float32 or the int8 model (the default); each stores its
/// vectors under its own model id.
/// </summary>
public sealed class EmbeddingPrecisionTests
{
    [Fact]
    public void Int8IsTheDefaultPrecision() => Assert.Equal(EmbeddingPrecision.Int8, new EmbeddingsOptions().Precision);

    [Fact]
    public async Task AnUnknownPrecisionStopsStartUpNamingTheSetting()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new GvcMatchApp(scratch.Database, new Dictionary<string, string> { ["Embeddings:Precision"] = "Int4" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var messages = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains("Embeddings:Precision", messages);
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
        if (e is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
    }
}
