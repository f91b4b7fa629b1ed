using System.Net;
using System.Net.Http.Headers;
using GvcMatch.Web.Tests.Consortia;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Concurrency;

/// <summary>
/// A consortium's version: GET answers a strong ETag, a lead's change to a member's part names it in
/// If-Match (optional, as for the consortium's other changes), and a change made with a version
/// someone else has since replaced, the lead's or a member's answer, is refused with 412 and writes nothing.
/// </summary>
public abstract class ConsortiumMemberETagTests(GvcMatchApp app)
{
    private static string Url(int id) => $"/api/consortia/{id}";

    private static string MemberUrl(int id, Member member) => $"/api/consortia/{id}/members/{member.Me.OrgId}";

    [DatabaseFact]
    public async Task A_member_change_with_the_current_ETag_succeeds_and_answers_the_next_one()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var read = await s.Lead.Client.ETagAsync(Url(id));
        Assert.False(read.IsWeak);

        var changed = await s.Lead.Client.SendIfMatchAsync(HttpMethod.Put, MemberUrl(id, s.Partner), new { sharePercent = 30, work = "Coating" }, read);
        await Expect.StatusAsync(changed, HttpStatusCode.OK);
        Assert.NotNull(changed.Headers.ETag);
        Assert.NotEqual(read, changed.Headers.ETag);
        Assert.Equal(changed.Headers.ETag, await s.Lead.Client.ETagAsync(Url(id)));
    }

    [DatabaseFact]
    public async Task A_second_change_with_the_old_ETag_gets_412_and_the_first_writer_keeps_their_share()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var read = await s.Lead.Client.ETagAsync(Url(id));

        await Expect.StatusAsync(await s.Lead.Client.SendIfMatchAsync(HttpMethod.Put, MemberUrl(id, s.Partner), new { sharePercent = 30 }, read), HttpStatusCode.OK);
        var after = await s.SnapshotAsync(id);
        await Expect.ProblemAsync(await s.Lead.Client.SendIfMatchAsync(HttpMethod.Put, MemberUrl(id, s.Partner), new { sharePercent = 20 }, read),
            HttpStatusCode.PreconditionFailed);
        await Expect.ProblemAsync(await s.Lead.Client.SendIfMatchAsync(HttpMethod.Put, MemberUrl(id, s.Third), new { sharePercent = 5 }, read),
            HttpStatusCode.PreconditionFailed);
        Assert.Equal(after, await s.SnapshotAsync(id));
        var partner = (await ConsortiumScenario.GetAsync(s.Lead, id)).GetProperty("members").EnumerateArray()
            .Single(m => m.GetProperty("organizationId").GetInt32() == s.Partner.Me.OrgId);
        Assert.Equal(30, partner.GetProperty("sharePercent").GetDecimal());
    }

    [DatabaseFact]
    public async Task A_members_answer_replaces_the_version_the_lead_read()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var read = await s.Lead.Client.ETagAsync(Url(id));
        await ConsortiumScenario.AcceptAsync(s.Partner, id);

        Assert.NotEqual(read, await s.Lead.Client.ETagAsync(Url(id)));
        await Expect.ProblemAsync(await s.Lead.Client.SendIfMatchAsync(HttpMethod.Put, MemberUrl(id, s.Partner), new { sharePercent = 30 }, read),
            HttpStatusCode.PreconditionFailed);
    }

    [DatabaseFact]
    public async Task Without_If_Match_the_change_goes_ahead_and_a_weak_or_foreign_tag_never_matches()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var read = await s.Lead.Client.ETagAsync(Url(id));
        var before = await s.SnapshotAsync(id);

        await Expect.ProblemAsync(await s.Lead.Client.SendIfMatchAsync(HttpMethod.Put, MemberUrl(id, s.Partner), new { sharePercent = 30 }, EntityTagHeaderValue.Parse($"W/{read.Tag}")),
            HttpStatusCode.PreconditionFailed);
        await Expect.ProblemAsync(await s.Lead.Client.SendIfMatchAsync(HttpMethod.Put, MemberUrl(id, s.Partner), new { sharePercent = 30 }, new EntityTagHeaderValue("\"other\"")),
            HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await s.SnapshotAsync(id));

        var blind = await s.Lead.Client.SendIfMatchAsync<object>(HttpMethod.Put, MemberUrl(id, s.Partner), new { sharePercent = 30 }, null);
        await Expect.StatusAsync(blind, HttpStatusCode.OK);
        Assert.NotEqual(read, blind.Headers.ETag);
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class ConsortiumMemberETagTestsOnSqlite(SqliteApp app) : ConsortiumMemberETagTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class ConsortiumMemberETagTestsOnPostgres(PostgresApp app) : ConsortiumMemberETagTests(app), IUsesPostgres;
