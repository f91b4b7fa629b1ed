using System.Net;
using GvcMatch.Embeddings;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>A model that cannot be loaded stops start-up with its reason, unless lexical fallback is configured.</summary>
public sealed class SemanticStartupTests
{
    private static IEmbeddingGenerator<string, Embedding<float>> Unloadable() =>
        throw new EmbeddingModelException("The embedding model all-MiniLM-L6-v2 could not be loaded (model.onnx is missing).");

    [Fact]
    public async Task AnUnloadableModelStopsStartUpWithTheReason()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new CountingEmbeddingsApp(scratch.Database, factory: Unloadable);
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var model = Assert.IsType<EmbeddingModelException>(failure is EmbeddingModelException ? failure : failure.InnerException);
        Assert.Contains("model.onnx is missing", model.Message);
    }

    [Fact]
    public async Task WithFallbackConfiguredTheAppServesLexicalMatchingAndSaysSo()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new CountingEmbeddingsApp(scratch.Database, new Dictionary<string, string> { ["Matching:Semantic:FallbackToLexical"] = "true" }, Unloadable);
        var word = SearchProbe.UniqueWord();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile($"Galvanising line, {word} quality."));
        await sme.PublishProfileAsync();
        using var anyone = app.CreateClient();
        await SearchProbe.EventuallyAsync(async () => (await SearchProbe.SupplierIdsAsync(anyone, $"q={word}")).Contains(sme.Me.OrgId), "the profile is found by its words");

        Assert.False(app.Services.GetRequiredService<EmbeddingModel>().IsEnabled);
        Assert.Equal(0, await app.WithDbAsync(db => db.Embeddings.CountAsync()));
        var admin = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(admin.Me.UserId);
        var status = await Expect.JsonAsync(await admin.Client.GetAsync("/api/admin/search/status"), HttpStatusCode.OK);
        Assert.False(status.GetProperty("embeddings").GetProperty("enabled").GetBoolean());
    }
}
