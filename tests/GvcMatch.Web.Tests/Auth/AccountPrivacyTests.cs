using System.Net;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>Registration does not reveal taken addresses; the last owner cannot delete their account.</summary>
public abstract class AccountPrivacyTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task RegisteringATakenEmailAnswersAsForANewOneAndEmailsTheOwner()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var anonymous = app.CreateClient();

        var fresh = await anonymous.PostJsonAsync("/api/auth/register", Accounts.NewRegistration(OrganizationKind.Sme));
        var again = Accounts.NewRegistration(OrganizationKind.Mne) with { Email = sme.Email.ToUpperInvariant(), Password = "Other-pass-99" };
        var taken = await anonymous.PostJsonAsync("/api/auth/register", again);

        await Expect.StatusAsync(fresh, HttpStatusCode.Accepted);
        await Expect.StatusAsync(taken, HttpStatusCode.Accepted);
        Assert.Equal(await fresh.Content.ReadAsStringAsync(), await taken.Content.ReadAsStringAsync());
        Assert.Equal(fresh.Headers.Location, taken.Headers.Location);

        // Nothing was created for the second attempt; the owner of the address is told.
        Assert.False(await app.WithDbAsync(db => db.Organizations.AnyAsync(o => o.Name == again.Organization.Name)));
        var email = await AuthEmails.SingleAsync(app, sme.Email, AccountEmails.AlreadyRegisteredSubject);
        Assert.Contains("/Identity/Account/ForgotPassword", email.TextBody);
        await app.GetTokenAsync(sme.Email, sme.Password);
        using var wrong = app.CreateClient();
        await Expect.StatusAsync(await wrong.PostJsonAsync("/api/auth/login", new { email = sme.Email, password = again.Password }), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task RegisteringATakenEmailOnThePageAnswersAsForANewOne()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var newOne = await RegisterOnPageAsync($"page-{Guid.NewGuid():N}@example.test");
        var takenOne = await RegisterOnPageAsync(sme.Email);

        await Expect.StatusAsync(newOne, HttpStatusCode.Redirect);
        await Expect.StatusAsync(takenOne, HttpStatusCode.Redirect);
        Assert.Equal(newOne.Headers.Location, takenOne.Headers.Location);
        Assert.Single(await AuthEmails.ToAsync(app, sme.Email, AccountEmails.AlreadyRegisteredSubject));
    }

    [DatabaseFact]
    public async Task TheLastOwnerCannotDeleteTheirAccount()
    {
        var owner = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var refused = await Expect.ProblemAsync(await owner.Client.PostJsonAsync("/api/auth/delete-account", new { password = owner.Password }), HttpStatusCode.Conflict);
        Assert.Contains("last owner", refused.GetProperty("detail").GetString());

        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, owner.Email, owner.Password);
        var page = await PageForms.PostAsync(browser, "/Identity/Account/Manage/DeletePersonalData", new Dictionary<string, string> { ["Password"] = owner.Password });
        await Expect.StatusAsync(page, HttpStatusCode.Conflict);
        Assert.Contains("last owner", await page.Content.ReadAsStringAsync());
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Id == owner.Me.UserId)));

        // With a second owner the first may go; their tokens go with them.
        var email = $"second-{Guid.NewGuid():N}@example.test";
        await Expect.StatusAsync(await owner.Client.PostJsonAsync($"/api/organizations/{owner.Me.OrgId}/members",
            new { email, password = Accounts.Password, role = "Owner" }), HttpStatusCode.Created);
        await Expect.ValidationErrorAsync(await owner.Client.PostJsonAsync("/api/auth/delete-account", new { password = "Wrong-password-1" }), "password");
        await Expect.StatusAsync(await owner.Client.PostJsonAsync("/api/auth/delete-account", new { password = owner.Password }), HttpStatusCode.NoContent);
        // Erased, not removed: the row that keeps their messages' pseudonym holds no email any more.
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Id == owner.Me.UserId).Select(u => u.Email).FirstAsync()));
        await Expect.StatusAsync(await owner.Client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    private async Task<HttpResponseMessage> RegisterOnPageAsync(string email)
    {
        using var browser = PageForms.Browser(app);
        return await PageForms.PostAsync(browser, "/Identity/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Accounts.Password,
            ["Input.DisplayName"] = "Page user",
            ["Input.Name"] = $"Page SME {Guid.NewGuid():N}"[..20],
            ["Input.Kind"] = "Sme",
            ["Input.Country"] = "DE",
            ["Input.City"] = "Testville",
            ["Input.SizeBand"] = "Small",
            ["Input.Description"] = "Registered on the page by a test.",
        });
    }
}

[Collection(SharedApps.SqliteB)]
public sealed class AccountPrivacyTestsOnSqlite(SqliteApp app) : AccountPrivacyTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class AccountPrivacyTestsOnPostgres(PostgresApp app) : AccountPrivacyTests(app), IUsesPostgres;
