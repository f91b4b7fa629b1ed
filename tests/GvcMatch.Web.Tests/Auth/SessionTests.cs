using System.Net;
using System.Net.Http.Headers;
using GvcMatch.Web.Features.Audit;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Hubs;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>
/// Refresh tokens rotate, and a session ends everywhere (access and refresh tokens, cookies, hub
/// connections) when the password changes, the user leaves the organisation or is locked out.
/// </summary>
public abstract class SessionTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task ARefreshTokenWorksOnceAndItsReplayRevokesTheWholeFamily()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var first = await app.GetTokenAsync(sme.Email, sme.Password);
        var elsewhere = await app.GetTokenAsync(sme.Email, sme.Password);
        using var anonymous = app.CreateClient();

        var second = await (await Refresh(anonymous, first.RefreshToken, HttpStatusCode.OK)).ReadAsync<TokenResponse>();
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        await Expect.StatusAsync(await Me(second.AccessToken), HttpStatusCode.OK);

        // The used token again: refused, and the family (the token it was exchanged for and the
        // access tokens issued with either) is dead too.
        await Refresh(anonymous, first.RefreshToken, HttpStatusCode.Unauthorized);
        await Refresh(anonymous, second.RefreshToken, HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await Me(second.AccessToken), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await Me(first.AccessToken), HttpStatusCode.Unauthorized);

        // Another sign-in is another family: untouched.
        await Expect.StatusAsync(await Me(elsewhere.AccessToken), HttpStatusCode.OK);
        await Refresh(anonymous, elsewhere.RefreshToken, HttpStatusCode.OK);

        var replays = await app.WithDbAsync(db => db.Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Action == AuditActions.RefreshTokenReused && e.TargetName == sme.Email).CountAsync());
        Assert.Equal(1, replays);
    }

    [DatabaseFact]
    public async Task SigningOutThroughTheApiEndsThatSessionOnly()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var session = await app.GetTokenAsync(sme.Email, sme.Password);
        using var client = Bearer(session.AccessToken);
        await Expect.StatusAsync(await client.PostAsync("/api/auth/logout", null), HttpStatusCode.NoContent);
        await Expect.StatusAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        using var anonymous = app.CreateClient();
        await Refresh(anonymous, session.RefreshToken, HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await sme.Client.GetAsync("/api/auth/me"), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task ChangingThePasswordEndsTheOtherSessionsButNotThisBrowsers()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var token = await app.GetTokenAsync(sme.Email, sme.Password);
        await using var hub = await app.ConnectAsync(sme);
        var closed = ClosedSignal(hub.Connection);
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, sme.Email, sme.Password);

        const string NewPassword = "Changed-pass-42";
        var changed = await PageForms.PostAsync(browser, "/Identity/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["OldPassword"] = sme.Password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
        await Expect.StatusAsync(changed, HttpStatusCode.Redirect);

        await Expect.StatusAsync(await sme.Client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await Me(token.AccessToken), HttpStatusCode.Unauthorized);
        using var anonymous = app.CreateClient();
        await Refresh(anonymous, token.RefreshToken, HttpStatusCode.Unauthorized);
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        // The browser that changed it got a fresh cookie.
        await Expect.StatusAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        await app.GetTokenAsync(sme.Email, NewPassword);
    }

    [DatabaseFact]
    public async Task ARemovalFromTheOrganisationEndsTheMembersTokensCookiesAndHubConnections()
    {
        var owner = await app.SignUpWithPasswordAsync(OrganizationKind.Mne);
        var member = await AddMemberAsync(owner);
        await using var hub = await app.ConnectAsync(member);
        var closed = ClosedSignal(hub.Connection);
        using var browser = PageForms.Browser(app);
        await PageForms.SignInAsync(browser, member.Email, member.Password);

        await Expect.StatusAsync(await owner.Client.DeleteAsync($"/api/organizations/{owner.Me.OrgId}/members/{member.Me.UserId}"), HttpStatusCode.NoContent);

        await Expect.StatusAsync(await member.Client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        // The hub refuses the old token when it tries to come back.
        await using var again = new HubClient(app.BuildHub(HubToken(member)));
        await Assert.ThrowsAnyAsync<Exception>(() => again.Connection.StartAsync());
    }

    [DatabaseFact]
    public async Task ALockoutEndsTheUsersSessions()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        await using var hub = await app.ConnectAsync(sme);
        var closed = ClosedSignal(hub.Connection);
        using var anonymous = app.CreateClient();
        for (var i = 0; i < 5; i++)
            await Expect.StatusAsync(await anonymous.PostJsonAsync("/api/auth/login", new { email = sme.Email, password = "Wrong-password-1" }), HttpStatusCode.Unauthorized);

        await Expect.StatusAsync(await sme.Client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(e => e.Action == AuditActions.AccountLockedOut && e.TargetId == sme.Me.UserId)));
    }

    [DatabaseFact]
    public async Task AnotherInstanceEndsTheSessionWithinTheCheckInterval()
    {
        var owner = await app.SignUpWithPasswordAsync(OrganizationKind.Mne);
        var member = await AddMemberAsync(owner);
        await using var second = SecondInstance.Of(app);
        using var bearer = second.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = member.Client.DefaultRequestHeaders.Authorization;
        await Expect.StatusAsync(await bearer.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        using var browser = PageForms.Browser(second);
        await PageForms.SignInAsync(browser, member.Email, member.Password);
        await Expect.StatusAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        await using var hub = await second.ConnectAsync(member);
        var closed = ClosedSignal(hub.Connection);

        // Removed on the first instance; the second learns it from the database.
        await Expect.StatusAsync(await owner.Client.DeleteAsync($"/api/organizations/{owner.Me.OrgId}/members/{member.Me.UserId}"), HttpStatusCode.NoContent);

        var interval = second.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SessionCheckOptions>>().Value.CheckInterval;
        Assert.True(interval <= TimeSpan.FromMinutes(1), $"The check interval is {interval}.");
        second.Clock.Advance(interval);
        await Expect.StatusAsync(await bearer.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        await Expect.StatusAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
        // The sweep that runs every interval, run now.
        await second.Services.GetRequiredService<HubSessions>().SweepAsync();
        await closed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void TheCheckIntervalCannotExceedAMinute()
    {
        var errors = new SessionCheckOptions { CheckInterval = TimeSpan.FromSeconds(61) }.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object()));
        Assert.NotEmpty(errors);
        Assert.Empty(new SessionCheckOptions().Validate(new System.ComponentModel.DataAnnotations.ValidationContext(new object())));
        Assert.True(new SessionCheckOptions().CheckInterval <= TimeSpan.FromMinutes(1));
    }

    private async Task<Member> AddMemberAsync(Member owner)
    {
        var email = $"member-{Guid.NewGuid():N}@example.test";
        await Expect.StatusAsync(await owner.Client.PostJsonAsync($"/api/organizations/{owner.Me.OrgId}/members",
            new { email, displayName = "Member", password = Accounts.Password }), HttpStatusCode.Created);
        var client = await app.SignInAsync(email, Accounts.Password);
        var me = await (await client.GetAsync("/api/auth/me")).ReadAsync<Me>();
        return new Member(client, me, email, Accounts.Password);
    }

    private static string HubToken(Member member) => member.Client.DefaultRequestHeaders.Authorization!.Parameter!;

    private HttpClient Bearer(string accessToken)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private async Task<HttpResponseMessage> Me(string accessToken)
    {
        using var client = Bearer(accessToken);
        return await client.GetAsync("/api/auth/me");
    }

    private static async Task<HttpResponseMessage> Refresh(HttpClient client, string refreshToken, HttpStatusCode expected)
    {
        var response = await client.PostJsonAsync("/api/auth/refresh", new { refreshToken });
        await Expect.StatusAsync(response, expected);
        return response;
    }

    private static Task ClosedSignal(HubConnection connection)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        return closed.Task;
    }
}

public sealed class SessionTestsOnSqlite(SqliteApp app) : SessionTests(app), IClassFixture<SqliteApp>;

public sealed class SessionTestsOnPostgres(PostgresApp app) : SessionTests(app), IClassFixture<PostgresApp>, IUsesPostgres;
