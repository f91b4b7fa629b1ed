using System.Net;
using System.Text.Json;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Consortia;

/// <summary>
/// The lead finds a partner to invite by its name: accents, case and kana forms aside, among
/// published SMEs only, never the lead, the buyer or an SME already in the consortium.
/// </summary>
public abstract class InviteByNameTests(GvcMatchApp app)
{
    /// <summary>A published SME with the given name (and, when asked, a draft or a profile past its renewal date).</summary>
    internal static async Task<Member> NamedSmeAsync(GvcMatchApp app, string name, bool publish = true, bool expired = false)
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        if (publish) await Expect.StatusAsync(await sme.Client.PostAsync($"/api/organizations/{sme.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        await RenameAsync(app, sme, name);
        if (expired)
            await app.WithDbAsync(db => db.Profiles.Where(p => p.OrganizationId == sme.Me.OrgId)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.RenewalDue, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1))));
        return sme;
    }

    internal static Task RenameAsync(GvcMatchApp app, Member who, string name) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Id == who.Me.OrgId).ExecuteUpdateAsync(u => u.SetProperty(o => o.Name, name)));

    private static async Task<List<string>> NamesAsync(Member who, int id, string name)
    {
        var found = await Expect.JsonAsync(await who.Client.GetAsync($"/api/consortia/{id}/candidates?name={Uri.EscapeDataString(name)}"), HttpStatusCode.OK);
        return found.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToList();
    }

    [DatabaseFact]
    public async Task The_lead_finds_published_smes_by_name_whatever_the_accents_case_or_kana()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var word = SearchProbe.UniqueWord();
        await NamedSmeAsync(app, $"Müller Fräsen {word}");
        await NamedSmeAsync(app, $"カワグチ精密 {word}");
        await NamedSmeAsync(app, $"Ørsted Straße {word}");

        Assert.Equal([$"Müller Fräsen {word}"], await NamesAsync(s.Lead, id, $"MULLER frasen {word}"));
        Assert.Equal([$"カワグチ精密 {word}"], await NamesAsync(s.Lead, id, $"かわぐち精密 {word}"));
        Assert.Equal([$"カワグチ精密 {word}"], await NamesAsync(s.Lead, id, $"ｶﾜｸﾞﾁ精密 {word}"));
        Assert.Equal([$"Ørsted Straße {word}"], await NamesAsync(s.Lead, id, $"orsted strasse {word}"));
        var found = await Expect.JsonAsync(await s.Lead.Client.GetAsync($"/api/consortia/{id}/candidates?name={word}"), HttpStatusCode.OK);
        var first = found.EnumerateArray().First();
        Assert.Equal("DE", first.GetProperty("country").GetString());
        Assert.True(first.GetProperty("organizationId").GetInt32() > 0);
    }

    [DatabaseFact]
    public async Task Drafts_expired_profiles_the_lead_and_members_are_never_candidates()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        var word = SearchProbe.UniqueWord();
        await NamedSmeAsync(app, $"Listed {word}");
        await NamedSmeAsync(app, $"Draft {word}", publish: false);
        await NamedSmeAsync(app, $"Expired {word}", expired: true);
        await RenameAsync(app, s.Lead, $"Lead {word}");
        await RenameAsync(app, s.Partner, $"Invited partner {word}");
        await Expect.StatusAsync(await s.Partner.Client.PostAsync($"/api/organizations/{s.Partner.Me.OrgId}/profile/publish"), HttpStatusCode.OK);
        await RenameAsync(app, s.Buyer, $"Buyer {word}");

        Assert.Equal([$"Listed {word}"], await NamesAsync(s.Lead, id, word));

        // An SME that declined may be invited again, so it is a candidate once more.
        await Expect.StatusAsync(await s.Partner.Client.PostAsync($"/api/consortia/{id}/decline"), HttpStatusCode.OK);
        Assert.Equal([$"Invited partner {word}", $"Listed {word}"], await NamesAsync(s.Lead, id, word));
    }

    [DatabaseFact]
    public async Task Only_the_lead_may_search_and_a_missing_name_is_refused()
    {
        var s = await ConsortiumScenario.ArrangeAsync(app);
        var id = await s.FormAsync();
        await ConsortiumScenario.AcceptAsync(s.Partner, id);
        var outsider = await app.SignUpAsync(OrganizationKind.Sme);

        await Expect.ProblemAsync(await s.Partner.Client.GetAsync($"/api/consortia/{id}/candidates?name=a"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await s.Third.Client.GetAsync($"/api/consortia/{id}/candidates?name=a"), HttpStatusCode.Forbidden);
        await Expect.ProblemAsync(await outsider.Client.GetAsync($"/api/consortia/{id}/candidates?name=a"), HttpStatusCode.NotFound);
        await Expect.ProblemAsync(await s.Buyer.Client.GetAsync($"/api/consortia/{id}/candidates?name=a"), HttpStatusCode.NotFound);
        await Expect.ValidationErrorAsync(await s.Lead.Client.GetAsync($"/api/consortia/{id}/candidates"), "name");
        await Expect.ValidationErrorAsync(await s.Lead.Client.GetAsync($"/api/consortia/{id}/candidates?name=%20-%20"), "name");
        await Expect.ValidationErrorAsync(await s.Lead.Client.GetAsync($"/api/consortia/{id}/candidates?name={new string('a', 101)}"), "name");
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class InviteByNameTestsOnSqlite(SqliteApp app) : InviteByNameTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class InviteByNameTestsOnPostgres(PostgresApp app) : InviteByNameTests(app), IUsesPostgres;
