using System.Net;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using GvcMatch.Web.Tests.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>
/// The account emails end to end: each is read from the outbox (or the embedded mode's mail log),
/// its absolute link is followed, and the flow it starts is completed.
/// </summary>
public abstract class AccountEmailFlowTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task RegisteringSendsAnAbsoluteConfirmationLinkThatConfirmsTheAddress()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        Assert.False(await ConfirmedAsync(sme.Me.UserId));

        var email = await AuthEmails.SingleAsync(app, sme.Email, AccountEmails.ConfirmEmailSubject);
        var link = AuthEmails.Link(email.TextBody, "http://localhost/Identity/Account/ConfirmEmail");
        using var browser = PageForms.Browser(app);
        var page = await browser.GetAsync(PathOf(link));
        await Expect.StatusAsync(page, HttpStatusCode.OK);
        Assert.Contains("email-confirmed", await page.Content.ReadAsStringAsync());
        Assert.True(await ConfirmedAsync(sme.Me.UserId));

        var damaged = await browser.GetAsync(PathOf(link)[..^4]);
        Assert.Contains("email-not-confirmed", await damaged.Content.ReadAsStringAsync());
    }

    [DatabaseFact]
    public async Task APasswordResetLinkReadFromTheMailLogSetsANewPasswordToSignInWith()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var browser = PageForms.Browser(app);
        await Expect.StatusAsync(await PageForms.PostAsync(browser, "/Identity/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = sme.Email }), HttpStatusCode.OK);

        var text = await MailLogAsync($"To: {sme.Email}\nSubject: {AccountEmails.PasswordResetSubject}");
        var link = AuthEmails.Link(text[text.IndexOf($"To: {sme.Email}\nSubject: {AccountEmails.PasswordResetSubject}", StringComparison.Ordinal)..],
            "http://localhost/Identity/Account/ResetPassword");
        const string NewPassword = "Fresh-start-2027";
        var reset = await PageForms.PostAsync(browser, PathOf(link), new Dictionary<string, string> { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Contains("reset-done", await reset.Content.ReadAsStringAsync());

        await PageForms.SignInAsync(PageForms.Browser(app), sme.Email, NewPassword);
        await Expect.StatusAsync(await PageForms.LoginAsync(PageForms.Browser(app), sme.Email, sme.Password), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ChangingTheEmailTakesEffectOnlyWhenTheLinkSentToTheNewAddressIsOpened()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, sme.Email, sme.Password);
        var newEmail = $"moved-{Guid.NewGuid():N}@example.test";

        var asked = await PostChangeAsync(browser, newEmail);
        await Expect.StatusAsync(asked, HttpStatusCode.Redirect);
        Assert.Equal(sme.Email, await EmailOfAsync(sme.Me.UserId));

        var email = await AuthEmails.SingleAsync(app, newEmail, AccountEmails.ChangeEmailSubject);
        var link = AuthEmails.Link(email.TextBody, "http://localhost/Identity/Account/ConfirmEmailChange");
        var page = await browser.GetAsync(PathOf(link));
        Assert.Contains("email-changed", await page.Content.ReadAsStringAsync());

        Assert.Equal(newEmail, await EmailOfAsync(sme.Me.UserId));
        await app.GetTokenAsync(newEmail, sme.Password);
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.PostJsonAsync("/api/auth/login", new { email = sme.Email, password = sme.Password }), HttpStatusCode.Unauthorized);
        // The old address is told, and the old sessions ended with the change.
        await AuthEmails.SingleAsync(app, sme.Email, AccountEmails.EmailChangedSubject);
        await Expect.StatusAsync(await sme.Client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task AskingForAnAddressThatHasAnAccountAnswersTheSameAndTellsThatAddressInstead()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var other = await app.SignUpWithPasswordAsync(OrganizationKind.Mne);
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, sme.Email, sme.Password);

        var asked = await PostChangeAsync(browser, other.Email);
        await Expect.StatusAsync(asked, HttpStatusCode.Redirect);
        Assert.Empty(await AuthEmails.ToAsync(app, other.Email, AccountEmails.ChangeEmailSubject));
        await AuthEmails.SingleAsync(app, other.Email, AccountEmails.AlreadyRegisteredSubject);
        Assert.Equal(sme.Email, await EmailOfAsync(sme.Me.UserId));
    }

    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient browser, string newEmail)
    {
        var token = await PageForms.TokenAsync(browser, "/Identity/Account/Manage/Email");
        return await browser.PostAsync("/Identity/Account/Manage/Email?handler=Change", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewEmail"] = newEmail,
            [AntiforgeryTokens.FormField] = token,
        }));
    }

    private async Task<string> MailLogAsync(string expected)
    {
        var log = Path.Combine(app.Database.DataFolder, "mail", "outbox.log");
        await app.Services.GetRequiredService<EmailSender>().SendDueAsync(CancellationToken.None);
        await SearchProbe.EventuallyAsync(() => Task.FromResult(File.Exists(log) && File.ReadAllText(log).Contains(expected)), "the email reaches the mail log");
        return await File.ReadAllTextAsync(log);
    }

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    private Task<bool> ConfirmedAsync(string userId) => app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync());

    private Task<string?> EmailOfAsync(string userId) => app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync());
}

public sealed class AccountEmailFlowTestsOnSqlite(SqliteApp app) : AccountEmailFlowTests(app), IClassFixture<SqliteApp>;

public sealed class AccountEmailFlowTestsOnPostgres(PostgresApp app) : AccountEmailFlowTests(app), IClassFixture<PostgresApp>, IUsesPostgres;

/// <summary>In Production emailed links come only from Email:LinkBaseUrl, never from the request.</summary>
public sealed class EmailLinkBaseTests
{
    [Fact]
    public async Task ProductionDoesNotStartWithoutALinkBaseUrl()
    {
        await using var app = new GvcMatchApp(TestDatabase.Sqlite(), new Dictionary<string, string> { ["environment"] = "Production" });
        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("Email:LinkBaseUrl", error.ToString());
    }

    [Fact]
    public async Task InProductionLinksStartWithTheSettingWhateverHostTheRequestNames()
    {
        await using var app = new GvcMatchApp(TestDatabase.Sqlite(), new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["Email:LinkBaseUrl"] = "https://gvcmatch.example.org/",
        });
        using var forged = app.CreateClient(new() { BaseAddress = new Uri("https://attacker.example/") });
        var registration = Accounts.NewRegistration(OrganizationKind.Sme);
        await Expect.StatusAsync(await forged.PostJsonAsync("/api/auth/register", registration), HttpStatusCode.Accepted);

        var email = await AuthEmails.SingleAsync(app, registration.Email, AccountEmails.ConfirmEmailSubject);
        Assert.Contains("https://gvcmatch.example.org/Identity/Account/ConfirmEmail?", email.TextBody);
        Assert.DoesNotContain("attacker.example", email.TextBody);
    }
}
