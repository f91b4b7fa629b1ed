using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Auth;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Offers;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.PersonalData;

/// <summary>A person downloads what the app holds about them, and erases their account without erasing the other party's record.</summary>
public abstract class PersonalDataTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task The_export_holds_the_users_own_data_and_nothing_of_another_user()
    {
        var (sme, mne, id) = await app.PairAsync();
        await sme.SendRestAsync(id, "own-1", "SME-WORDS: our drawings follow.");
        await mne.SendRestAsync(id, "other-1", "MNE-WORDS: thank you.");
        await Expect.StatusAsync(await sme.Client.PostJsonAsync("/api/saved-searches", new { name = "SME-SEARCH", kind = "Requirement", query = "q=milling" }), HttpStatusCode.Created);
        await Expect.StatusAsync(await mne.Client.PostJsonAsync("/api/saved-searches", new { name = "MNE-SEARCH", kind = "Supplier", query = "q=milling" }), HttpStatusCode.Created);
        await Expect.StatusAsync(await mne.Client.GetAsync("/api/me/data"), HttpStatusCode.OK);

        var response = await sme.Client.GetAsync("/api/me/data");
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var text = await response.Content.ReadAsStringAsync();
        var data = JsonDocument.Parse(text).RootElement;

        Assert.Equal(sme.Me.UserId, data.GetProperty("account").GetProperty("id").GetString());
        Assert.Equal(sme.Email, data.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(sme.Me.OrgId, Assert.Single(data.GetProperty("memberships").EnumerateArray()).GetProperty("organizationId").GetInt32());
        Assert.Contains(data.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("kind").GetString() == "conversation" && c.GetProperty("id").GetString() == id.ToString());
        var message = Assert.Single(data.GetProperty("messages").EnumerateArray());
        Assert.Equal("SME-WORDS: our drawings follow.", message.GetProperty("body").GetString());
        Assert.Equal("SME-SEARCH", Assert.Single(data.GetProperty("savedSearches").EnumerateArray()).GetProperty("name").GetString());
        var inbox = (await Expect.JsonAsync(await sme.Client.GetAsync("/api/notifications?pageSize=100"), HttpStatusCode.OK)).GetProperty("items").GetProperty("items")
            .EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).Order();
        Assert.Equal(inbox, data.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).Order());
        Assert.NotEmpty(inbox);

        // Nothing of the other person: not their id, email, search, audit entries or words as messages.
        Assert.DoesNotContain(mne.Me.UserId, text);
        Assert.DoesNotContain(mne.Email, text);
        Assert.DoesNotContain("MNE-SEARCH", text);
        Assert.DoesNotContain(data.GetProperty("messages").EnumerateArray(), m => m.GetProperty("body").GetString()!.Contains("MNE-WORDS"));
        Assert.All(data.GetProperty("auditEntries").EnumerateArray(), e => Assert.True(
            e.GetProperty("actorUserId").GetString() == sme.Me.UserId || e.GetProperty("targetId").GetString() == sme.Me.UserId));

        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync("/api/me/data"), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task After_deletion_the_other_party_reads_the_conversation_under_a_pseudonym_and_the_account_is_gone()
    {
        var (owner, mne, id) = await app.PairAsync();
        var leaver = await app.AddColleagueAsync(owner, "Aiko Leaver");
        var tokens = await app.GetTokenAsync(leaver.Email, leaver.Password);
        await leaver.SendRestAsync(id, "leaver-1", "Our terms stand as offered.");
        var offer = await leaver.ProposeAsync(id, OfferKit.Terms(app));
        await Expect.StatusAsync(await mne.DecideAsync(offer.Id, "accept"), HttpStatusCode.OK);

        // The organisation's last owner is refused, with a reason.
        var refused = await Expect.ProblemAsync(await owner.Client.SendAsync(DeleteMe(owner.Password)), HttpStatusCode.Conflict);
        Assert.Contains("last owner", refused.GetProperty("detail").GetString());
        await Expect.ValidationErrorAsync(await leaver.Client.SendAsync(DeleteMe("Wrong-password-1")), "password");
        await Expect.StatusAsync(await leaver.Client.SendAsync(DeleteMe(leaver.Password)), HttpStatusCode.NoContent);

        // The other party's record stands: the text, under a stable pseudonym, and the agreement between both organisations.
        var pseudonym = AccountDeletion.Pseudonym(leaver.Me.UserId);
        var history = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/conversations/{id}/messages?afterSeq=0"), HttpStatusCode.OK);
        var kept = Assert.Single(history.GetProperty("messages").EnumerateArray(), m => m.GetProperty("clientMessageId").GetString() == "leaver-1");
        Assert.Equal("Our terms stand as offered.", kept.GetProperty("body").GetString());
        Assert.Equal(pseudonym, kept.GetProperty("senderName").GetString());
        Assert.StartsWith("Former member ", pseudonym);
        Assert.DoesNotContain(history.GetProperty("messages").EnumerateArray(), m => m.GetProperty("senderName").GetString() == "Aiko Leaver");
        var agreement = await Expect.JsonAsync(await mne.Client.GetAsync($"/api/offers/{offer.Id}/agreement"), HttpStatusCode.OK);
        Assert.Equal(owner.Me.OrgId, agreement.GetProperty("proposer").GetProperty("organizationId").GetInt32());
        Assert.Equal(mne.Me.OrgId, agreement.GetProperty("acceptor").GetProperty("organizationId").GetInt32());

        // The account is gone: no sign-in, no token, no refresh; its personal fields are wiped.
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.PostJsonAsync("/api/auth/login", new { email = leaver.Email, password = leaver.Password }), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await leaver.Client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await anonymous.PostJsonAsync("/api/auth/refresh", new { refreshToken = tokens.RefreshToken }), HttpStatusCode.Unauthorized);
        var row = await app.WithDbAsync(db => db.Users.AsNoTracking().FirstAsync(u => u.Id == leaver.Me.UserId));
        Assert.Equal((string?)null, row.Email);
        Assert.Null(row.UserName);
        Assert.Null(row.PhoneNumber);
        Assert.Null(row.PasswordHash);
        Assert.Null(row.OrganizationId);
        Assert.Equal(pseudonym, row.DisplayName);
        Assert.False(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == leaver.Me.UserId)));

        // The address is free: it registers again, as a new account.
        var again = Accounts.NewRegistration(OrganizationKind.Sme) with { Email = leaver.Email };
        await Expect.StatusAsync(await anonymous.PostJsonAsync("/api/auth/register", again), HttpStatusCode.Accepted);
        using var newcomer = await app.SignInAsync(leaver.Email, again.Password);
        var me = await Expect.JsonAsync(await newcomer.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        Assert.NotEqual(leaver.Me.UserId, me.GetProperty("userId").GetString());
    }

    [DatabaseFact]
    public async Task The_account_page_offers_the_download_and_the_deletion_behind_the_password()
    {
        var owner = await app.SignUpAsync(OrganizationKind.Sme);
        var colleague = await app.AddColleagueAsync(owner);
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, colleague.Email, colleague.Password);
        var page = await (await browser.GetAsync("/Identity/Account/Manage")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/api/me/data\"", page);
        Assert.Contains("Download my data", page);
        var download = await browser.GetAsync("/api/me/data");
        Assert.Equal(colleague.Email, (await Expect.JsonAsync(download, HttpStatusCode.OK)).GetProperty("account").GetProperty("email").GetString());

        var wrong = await PageForms.PostAsync(browser, "/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Password"] = "Wrong-password-1" });
        Assert.Contains("The password is wrong.", await wrong.Content.ReadAsStringAsync());
        await PageForms.PostAsync(browser, "/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Password"] = colleague.Password });
        Assert.Equal(AccountDeletion.Pseudonym(colleague.Me.UserId),
            await app.WithDbAsync(db => db.Users.Where(u => u.Id == colleague.Me.UserId).Select(u => u.DisplayName).FirstAsync()));
    }

    private static HttpRequestMessage DeleteMe(string password) =>
        new(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password }) };
}

public sealed class PersonalDataTestsOnSqlite(SqliteApp app) : PersonalDataTests(app), IClassFixture<SqliteApp>;

public sealed class PersonalDataTestsOnPostgres(PostgresApp app) : PersonalDataTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
