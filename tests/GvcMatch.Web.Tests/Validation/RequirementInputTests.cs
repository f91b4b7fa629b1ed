using System.Net;
using System.Text;
using GvcMatch.Matching;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Validation;

/// <summary>Bad input is a 400 (or 415) ProblemDetails naming the field, never a 500, and loses nothing stored.</summary>
public abstract class RequirementInputTests(GvcMatchApp app)
{
    private Member? _mne;

    private async Task<Member> MneAsync() => _mne ??= await app.SignUpAsync(OrganizationKind.Mne);

    [DatabaseFact]
    public async Task WeightsThatDoNotSumTo100AreRefused()
    {
        var body = Samples.Requirement() with
        {
            Criteria =
            [
                new Criterion { Kind = CriterionKind.CapabilityFit, Weight = 50, Keywords = ["welding"] },
                new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 30, Days = 10 },
            ],
        };
        await Expect.ValidationErrorAsync(await (await MneAsync()).Client.PostJsonAsync("/api/requirements", body), "criteria");
    }

    [DatabaseFact]
    public async Task UnknownCodesAreRefusedFieldByField()
    {
        var mne = await MneAsync();
        var body = Samples.Requirement() with { IsicCodes = ["9999"] };
        await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync("/api/requirements", body), "isicCodes");

        body = Samples.Requirement() with { HsCodes = ["0000"] };
        await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync("/api/requirements", body), "hsCodes");

        body = Samples.Requirement() with { DeliveryCountry = "XX" };
        await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync("/api/requirements", body), "deliveryCountry");

        // Any standard may be named (unknown ones are kept by name for an admin), but not a class the standard does not have.
        body = Samples.Requirement() with { Criteria = [new Criterion { Kind = CriterionKind.CertificationHeld, Mandatory = true, Standard = "ISO 14644", Scope = "99" }] };
        await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync("/api/requirements", body), "criteria[0].scope");

        body = Samples.Requirement() with { Criteria = [new Criterion { Kind = CriterionKind.LocationIn, Mandatory = true, Countries = ["ZZ"] }] };
        await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync("/api/requirements", body), "criteria[0].countries");
    }

    [DatabaseFact]
    public async Task AResponseDeadlineInThePastIsRefused()
    {
        var body = Samples.Requirement() with { ResponseDeadline = Samples.InDays(-1), ContractStart = Samples.InDays(30) };
        await Expect.ValidationErrorAsync(await (await MneAsync()).Client.PostJsonAsync("/api/requirements", body), "responseDeadline");
    }

    [DatabaseFact]
    public async Task OversizedFieldsAreRefused()
    {
        var mne = await MneAsync();
        var title = new string('t', 10_000);
        await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync("/api/requirements", Samples.Requirement(title)), "title");
        var body = Samples.Requirement() with { Description = new string('d', 100_000) };
        await Expect.ValidationErrorAsync(await mne.Client.PostJsonAsync("/api/requirements", body), "description");
        Assert.False(await app.WithDbAsync(db => db.Requirements.AnyAsync(r => r.Title == title)));
    }

    [DatabaseFact]
    public async Task MalformedJsonIsABadRequest()
    {
        var response = await Send(await MneAsync(), HttpMethod.Post, "/api/requirements", """{"title": "Unclosed", "criteria": [""", "application/json");
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task AValueOfTheWrongTypeNamesTheField()
    {
        var response = await Send(await MneAsync(), HttpMethod.Post, "/api/requirements",
            """{"title": "Typed wrongly", "quantity": "a lot", "criteria": []}""", "application/json");
        await Expect.ValidationErrorAsync(response, "quantity");
    }

    [DatabaseFact]
    public async Task PlainTextIsAnUnsupportedMediaType()
    {
        var response = await Send(await MneAsync(), HttpMethod.Post, "/api/requirements", "title=Machined housings", "text/plain");
        await Expect.StatusAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [DatabaseTheory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("\"a string\"")]
    [InlineData("""{"title": "x", "criteria": null}""")]
    [InlineData("""{"title": "x", "criteria": [null]}""")]
    [InlineData("""{"title": "x", "criteria": [{"kind": "Telepathy", "weight": 100}]}""")]
    [InlineData("""{"title": "x", "quantity": 1e400, "criteria": []}""")]
    [InlineData("""{"title": "x", "responseDeadline": "next Tuesday", "criteria": []}""")]
    [InlineData("""{"title": "x", "isicCodes": "2599", "criteria": []}""")]
    [InlineData("""{"title": "x", "criteria": [{"kind": "LeadTimeAtMost", "weight": 100, "days": 99999999999}]}""")]
    [InlineData("""{"title": "x", "contractMonths": -5, "criteria": [{"kind": "VerifiedSupplier", "weight": 100}]}""")]
    public async Task OddBodiesAreBadRequestsNeverServerErrors(string json)
    {
        var response = await Send(await MneAsync(), HttpMethod.Post, "/api/requirements", json, "application/json");
        await Expect.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [DatabaseFact]
    public async Task ARejectedUpdateLeavesTheStoredRequirementUnchanged()
    {
        var mne = await MneAsync();
        var id = await mne.PublishNewRequirementAsync();
        var before = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/requirements/{id}"), HttpStatusCode.OK);

        var badWeights = Samples.Requirement("Changed title") with { Criteria = [new Criterion { Kind = CriterionKind.LeadTimeAtMost, Weight = 10, Days = 5 }] };
        await Expect.ValidationErrorAsync(await mne.Client.PutCurrentAsync($"/api/requirements/{id}", badWeights), "criteria");
        await Expect.ValidationErrorAsync(await mne.Client.PutCurrentAsync($"/api/requirements/{id}", Samples.Requirement(new string('t', 10_000))), "title");
        await Expect.ProblemAsync(await Send(mne, HttpMethod.Put, $"/api/requirements/{id}", """{"title": "Half""", "application/json"), HttpStatusCode.BadRequest);
        await Expect.StatusAsync(await Send(mne, HttpMethod.Put, $"/api/requirements/{id}", "title=x", "text/plain"), HttpStatusCode.UnsupportedMediaType);

        var after = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/requirements/{id}"), HttpStatusCode.OK);
        Assert.Equal(before.ToString(), after.ToString());
        Assert.Equal(1, await app.WithDbAsync(db => db.RequirementVersions.CountAsync(v => v.RequirementId == id)));
    }

    private static Task<HttpResponseMessage> Send(Member member, HttpMethod method, string url, string body, string contentType) =>
        member.Client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, contentType) });
}

[Collection(SharedApps.SqliteB)]
public sealed class RequirementInputTestsOnSqlite(SqliteApp app) : RequirementInputTests(app);

[Collection(SharedApps.PostgresB)]
public sealed class RequirementInputTestsOnPostgres(PostgresApp app) : RequirementInputTests(app), IUsesPostgres;
