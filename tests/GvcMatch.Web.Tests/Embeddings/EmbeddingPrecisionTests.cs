using GvcMatch.Embeddings;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>
/// <c>Embeddings:Precision</c> picks the float32 or the int8 model; each stores its vectors under
/// its own model id, so switching never mixes the two and the backfill embeds every text again.
/// </summary>
public sealed class EmbeddingPrecisionTests
{
    private static readonly string Int8Id = MiniLmEmbeddingGenerator.ModelIdOf(EmbeddingPrecision.Int8);

    [Fact]
    public async Task SwitchingToInt8EmbedsEveryTextAgainUnderItsOwnIdAndLeavesTheFloatVectorsAlone()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        (int Documents, int Phrases) floats;
        await using (var first = new GvcMatchApp(scratch.Database))
        {
            var sme = await first.SignUpAsync(OrganizationKind.Sme);
            await sme.SaveProfileAsync(Samples.Profile("Deep drawing of stainless steel sinks.") with { Capabilities = ["Deep drawing"] });
            await sme.PublishProfileAsync();
            await first.WaitForIndexAsync();
            floats = await CountAsync(first, MiniLmEmbeddingGenerator.ModelId);
            Assert.True(floats.Documents > 0 && floats.Phrases > 0, $"{floats}");
            Assert.Equal((0, 0), await CountAsync(first, Int8Id));
        }

        await using var second = new GvcMatchApp(scratch.Database, new Dictionary<string, string>
        {
            ["Embeddings:Precision"] = "Int8", ["Matching:Semantic:BackfillDelay"] = "00:00:00",
        });
        Assert.Equal(Int8Id, second.Services.GetRequiredService<EmbeddingModel>().ModelId);
        var backfill = second.Services.GetRequiredService<EmbeddingBackfill>();
        await SearchProbe.EventuallyAsync(() => Task.FromResult(backfill.Status.State == BackfillState.Completed), "the backfill completes");

        Assert.Equal(floats, await CountAsync(second, Int8Id));
        Assert.Equal(floats, await CountAsync(second, MiniLmEmbeddingGenerator.ModelId));
        Assert.True(backfill.Status.Embedded > 0);
    }

    [Fact]
    public async Task AnUnknownPrecisionStopsStartUpNamingTheSetting()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new GvcMatchApp(scratch.Database, new Dictionary<string, string> { ["Embeddings:Precision"] = "Int4" });

        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var messages = string.Join(" | ", Flatten(failure).Select(e => e.Message));
        Assert.Contains("Embeddings:Precision", messages);
    }

    private static Task<(int Documents, int Phrases)> CountAsync(GvcMatchApp app, string model) =>
        app.WithDbAsync(async db => (
            await db.Embeddings.CountAsync(e => e.Model == model && e.Kind == EmbeddingKind.Document),
            await db.Embeddings.CountAsync(e => e.Model == model && e.Kind == EmbeddingKind.Phrase)));

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException) yield return x;
        if (e is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten)) yield return inner;
    }
}
