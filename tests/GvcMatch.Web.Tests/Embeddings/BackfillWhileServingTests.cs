using System.Net;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Embeddings;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Embeddings;

/// <summary>The real model behind a gate the test opens: while it is shut, every call to the model waits.</summary>
public sealed class GatedGenerator(IEmbeddingGenerator<string, Embedding<float>> model)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(model)
{
    private volatile TaskCompletionSource _open = Opened();

    public void Shut() => _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _open.TrySetResult();

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _open.Task.WaitAsync(cancellationToken);
        return await base.GenerateAsync(values, options, cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        open.SetResult();
        return open;
    }
}

/// <summary>
/// Switching the semantic stage on over existing data: the backfill embeds the old rows in the
/// background while the app keeps answering matches, and the admin status shows how far it got.
/// </summary>
public sealed class BackfillWhileServingTests
{
    [Fact]
    public async Task MatchesAreServedWhileTheBackfillWaitsOnTheModelAndTheStatusShowsItsProgress()
    {
        await using var scratch = await ScratchDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var suppliers = new List<int>();
        await using (var lexical = new GvcMatchApp(scratch.Database, new Dictionary<string, string> { ["Matching:Semantic:Enabled"] = "false" }))
        {
            for (var i = 0; i < 3; i++)
            {
                var sme = await lexical.SignUpAsync(OrganizationKind.Sme);
                await sme.SaveProfileAsync(Samples.Profile($"Workshop {i}: precision CNC milling and anodising of aluminium."));
                await sme.PublishProfileAsync();
                suppliers.Add(sme.Me.OrgId);
            }
            await lexical.WaitForIndexAsync();
        }

        var gate = new GatedGenerator(TestModel.Default);
        // The test starts the backfill itself (one row per batch, so progress moves row by row).
        await using var app = new CountingEmbeddingsApp(scratch.Database, new Dictionary<string, string>
        {
            ["Matching:Semantic:BackfillDelay"] = "00:10:00",
            ["Matching:Semantic:BackfillBatchSize"] = "1",
            ["Search:LateCommitWindow"] = "00:00:00",
        }, () => gate);
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        await app.MakePlatformAdminAsync(buyer.Me.UserId);
        // Published with the model on: its own vector is stored, so matching needs no model call.
        var requirement = await buyer.PublishNewRequirementAsync();
        await app.WaitForIndexAsync();

        gate.Shut();
        var backfill = app.Services.GetRequiredService<EmbeddingBackfill>();
        var running = Task.Run(() => backfill.RunAsync(null, CancellationToken.None));
        await SearchProbe.EventuallyAsync(async () => (await BackfillAsync(buyer)).State == "Running", "the status shows the backfill running");

        var matches = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches?top=10"), HttpStatusCode.OK);
        Assert.Equal(suppliers.Order(), matches.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("organizationId").GetInt32()).Order());
        var during = await BackfillAsync(buyer);
        Assert.Equal(4, during.Total);
        Assert.True(during.Done < during.Total, $"{during.Done} of {during.Total} done while the model is held");
        Assert.False(running.IsCompleted);

        gate.Open();
        await running.WaitAsync(TimeSpan.FromMinutes(2));
        var after = await BackfillAsync(buyer);
        Assert.Equal(("Completed", 4L, 4L, 100.0), (after.State, after.Done, after.Total, after.Percent));
        Assert.Equal(4, await app.WithDbAsync(db => db.Embeddings.CountAsync(e => e.Kind == EmbeddingKind.Document)));
    }

    private static async Task<(string State, long Done, long Total, double Percent)> BackfillAsync(Member admin)
    {
        var status = await Expect.JsonAsync(await admin.Client.GetAsync("/api/admin/search/status"), HttpStatusCode.OK);
        var backfill = status.GetProperty("embeddings").GetProperty("backfill");
        return (backfill.GetProperty("state").GetString()!, backfill.GetProperty("done").GetInt64(), backfill.GetProperty("total").GetInt64(), backfill.GetProperty("percent").GetDouble());
    }
}
