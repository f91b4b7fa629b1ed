using System.Net;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Awards;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Concurrency;

/// <summary>
/// Items with their own version: a group certificate, an organisation member and one award score.
/// Each GET answers a strong ETag (the row's own stamp), a write with it succeeds and answers the
/// next one, and a write with the tag it replaced gets 412 and leaves the first writer's data.
/// </summary>
public abstract class CollectionItemETagTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task A_group_certificate_is_replaced_and_removed_only_in_the_version_last_read()
    {
        var cluster = await app.SignUpClusterAsync();
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var created = await cluster.Client.PostJsonAsync("/api/group-certificates",
            new { standard = "ISO 9001", issuer = "First issuer", memberOrganizationIds = new[] { sme.Me.OrgId } });
        var id = (await Expect.JsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var url = $"/api/group-certificates/{id}";
        var read = await cluster.Client.ETagAsync(url);
        Assert.False(read.IsWeak);
        Assert.Equal(created.Headers.ETag, read);

        var first = await cluster.Client.SendIfMatchAsync(HttpMethod.Put, url, new { standard = "ISO 9001", issuer = "Second issuer", memberOrganizationIds = new[] { sme.Me.OrgId } }, read);
        await Expect.StatusAsync(first, HttpStatusCode.OK);
        Assert.NotEqual(read, first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, await cluster.Client.ETagAsync(url));
        await Expect.ProblemAsync(await cluster.Client.SendIfMatchAsync(HttpMethod.Put, url, new { standard = "ISO 9001", issuer = "Stale issuer" }, read),
            HttpStatusCode.PreconditionFailed);
        await Expect.ProblemAsync(await cluster.Client.SendIfMatchAsync<object>(HttpMethod.Delete, url, null, read), HttpStatusCode.PreconditionFailed);
        Assert.Equal("Second issuer", await app.WithDbAsync(db => db.GroupCertificates.Where(g => g.Id == id).Select(g => g.Issuer).SingleAsync()));

        // The SME's answer is a change to the certificate too: the cluster's tag is no longer current.
        var beforeAnswer = await cluster.Client.ETagAsync(url);
        await Expect.StatusAsync(await sme.Client.PostAsync($"{url}/accept"), HttpStatusCode.OK);
        await Expect.ProblemAsync(await cluster.Client.SendIfMatchAsync<object>(HttpMethod.Delete, url, null, beforeAnswer), HttpStatusCode.PreconditionFailed);
        await Expect.StatusAsync(await cluster.Client.SendIfMatchAsync<object>(HttpMethod.Delete, url, null, await cluster.Client.ETagAsync(url)), HttpStatusCode.NoContent);
        Assert.False(await app.WithDbAsync(db => db.GroupCertificates.AnyAsync(g => g.Id == id)));
    }

    [DatabaseFact]
    public async Task A_members_role_change_and_removal_name_the_members_current_version()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        var email = $"colleague-{Guid.NewGuid():N}@example.test";
        var added = await owner.Client.PostJsonAsync($"/api/organizations/{owner.Me.OrgId}/members", new { email, displayName = "Colleague", password = Accounts.Password });
        var userId = (await Expect.JsonAsync(added, HttpStatusCode.Created)).GetProperty("userId").GetString();
        var url = $"/api/organizations/{owner.Me.OrgId}/members/{userId}";
        var read = await owner.Client.ETagAsync(url);
        Assert.Equal(added.Headers.ETag, read);

        var promoted = await owner.Client.SendIfMatchAsync(HttpMethod.Put, url, new { role = "Owner" }, read);
        await Expect.StatusAsync(promoted, HttpStatusCode.OK);
        Assert.NotEqual(read, promoted.Headers.ETag);
        await Expect.ProblemAsync(await owner.Client.SendIfMatchAsync(HttpMethod.Put, url, new { role = "Member" }, read), HttpStatusCode.PreconditionFailed);
        await Expect.ProblemAsync(await owner.Client.SendIfMatchAsync<object>(HttpMethod.Delete, url, null, read), HttpStatusCode.PreconditionFailed);
        var stored = await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => new { u.Role, u.OrganizationId }).SingleAsync());
        Assert.Equal((MemberRole.Owner, (int?)owner.Me.OrgId), (stored.Role, stored.OrganizationId));

        await Expect.StatusAsync(await owner.Client.SendIfMatchAsync<object>(HttpMethod.Delete, url, null, promoted.Headers.ETag), HttpStatusCode.NoContent);
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.OrganizationId).SingleAsync()));
    }

    [DatabaseFact]
    public async Task A_score_is_rescored_only_in_the_version_the_buyer_read()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var requirement = await buyer.PublishClosingTodayAsync(app);
        var bid = await app.SubmitBidAsync(requirement, await app.BidderAsync(iso9001: false));
        app.PassDeadline();
        buyer = await app.FreshAsync(buyer);
        var url = $"/api/bids/{bid}/scores/1";

        var first = await buyer.ScoreAsync(bid, 1, 0.5, "First reading.");
        await Expect.StatusAsync(first, HttpStatusCode.OK);
        var read = await buyer.Client.ETagAsync(url);
        Assert.Equal(first.Headers.ETag, read);

        var rescored = await buyer.Client.SendIfMatchAsync(HttpMethod.Put, url, new { score = 0.7, reason = "Second reading." }, read);
        await Expect.StatusAsync(rescored, HttpStatusCode.OK);
        Assert.NotEqual(read, rescored.Headers.ETag);
        Assert.Equal(rescored.Headers.ETag, await buyer.Client.ETagAsync(url));
        await Expect.ProblemAsync(await buyer.Client.SendIfMatchAsync(HttpMethod.Put, url, new { score = 0.1, reason = "Stale reading." }, read),
            HttpStatusCode.PreconditionFailed);
        var stored = await app.WithDbAsync(db => db.BidScores.Where(s => s.BidId == bid && s.CriterionIndex == 1).Select(s => new { s.Score, s.Reason }).SingleAsync());
        Assert.Equal((0.7, "Second reading."), (stored.Score, stored.Reason));
    }
}

public sealed class CollectionItemETagTestsOnSqlite(SqliteApp app) : CollectionItemETagTests(app), IClassFixture<SqliteApp>;

public sealed class CollectionItemETagTestsOnPostgres(PostgresApp app) : CollectionItemETagTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
