using System.Net;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;

namespace GvcMatch.Web.Tests.Matching;

/// <summary>
/// Issue 11's bad input, through the app: a profile in a language the vocabulary does not cover
/// still matches on its certificates, codes and words; text far longer than the model's 256
/// tokens is embedded (truncated) yet searchable to its last word. (A missing model file is
/// SemanticStartupTests; empty and over-long text at the model, MiniLmEmbeddingGeneratorTests.)
/// </summary>
public abstract class BadInputMatchingTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task AProfileInALanguageTheVocabularyDoesNotCoverStillMatchesOnCertificatesCodesAndWords()
    {
        var word = SearchProbe.UniqueWord();
        // Polish: no label of the vocabulary is Polish, so these words name no concept.
        var polish = Samples.Profile($"Frezowanie CNC i anodowanie obudów z aluminium {word} dla producentów czujników.")
            with { Capabilities = ["frezowanie CNC", "anodowanie"], Materials = ["aluminium"], Equipment = [], Languages = ["pl"] };
        var certified = await app.SignUpAsync(OrganizationKind.Sme, "PL");
        await certified.SaveProfileAsync(polish);
        await certified.PublishProfileAsync();
        var uncertified = await app.SignUpAsync(OrganizationKind.Sme, "PL");
        await uncertified.SaveProfileAsync(polish with { Certifications = [] });
        await uncertified.PublishProfileAsync();
        await app.WaitForIndexAsync();

        using var anyone = app.CreateClient();
        // The activity code and the words find both in search.
        var found = await SearchProbe.SupplierIdsAsync(anyone, $"q=frezowanie+{word}&isic=2592");
        Assert.Contains(certified.Me.OrgId, found);
        Assert.Contains(uncertified.Me.OrgId, found);

        // A buyer who writes the supplier's own words: only the certified one qualifies.
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement() with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 9001" },
                new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 100, Keywords = ["frezowanie CNC", word] },
            ],
        });
        var body = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches?top=50"), HttpStatusCode.OK);
        var matches = body.GetProperty("matches").EnumerateArray().ToList();
        var match = Assert.Single(matches, m => m.GetProperty("organizationId").GetInt32() == certified.Me.OrgId);
        Assert.DoesNotContain(matches, m => m.GetProperty("organizationId").GetInt32() == uncertified.Me.OrgId);
        var capability = match.GetProperty("criteria").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "CapabilityFit");
        Assert.True(capability.GetProperty("met").GetBoolean(), capability.GetProperty("evidence").GetString());
    }

    [DatabaseFact]
    public async Task TextFarBeyondTheModelsWindowIsStoredWholeAndSearchableToItsLastWord()
    {
        var word = SearchProbe.UniqueWord();
        // About 600 tokens in the summary (the limit is 4,000 characters) and 1,200 in the description.
        const string sentence = "Precision turned parts in brass and stainless steel for valves and pumps.";
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync(Samples.Profile($"{string.Join(' ', Enumerable.Repeat(sentence, 45))} Finally, {word}."));
        await sme.PublishProfileAsync();
        await app.WaitForIndexAsync();

        using var anyone = app.CreateClient();
        Assert.Contains(sme.Me.OrgId, await SearchProbe.SupplierIdsAsync(anyone, $"q={word}"));

        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishNewRequirementAsync(Samples.Requirement() with { Description = $"{string.Join(' ', Enumerable.Repeat(sentence, 90))} {word}" });
        await Expect.StatusAsync(await buyer.Client.GetAsync($"/api/requirements/{requirement}/matches"), HttpStatusCode.OK);
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class BadInputMatchingTestsOnSqlite(SqliteApp app) : BadInputMatchingTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class BadInputMatchingTestsOnPostgres(PostgresApp app) : BadInputMatchingTests(app), IUsesPostgres;
