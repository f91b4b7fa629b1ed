using System.Net;
using System.Net.Http.Headers;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Auth;

public abstract class AuthTests(GvcMatchApp app)
{
    [DatabaseFact]
    public async Task ATokenFromSignInIsAcceptedByMe()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var me = await (await sme.Client.GetAsync("/api/auth/me")).ReadAsync<Me>();
        Assert.Equal(sme.Email, me.Email);
        Assert.Equal(sme.Me.OrganizationId, me.OrganizationId);
        Assert.Equal("Sme", me.OrganizationKind);
        Assert.Equal("Owner", me.Role);
        Assert.False(me.IsPlatformAdmin);
    }

    [DatabaseFact]
    public async Task AnAnonymousCallToMeIs401NotARedirect()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        await Expect.StatusAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task AWrongPasswordIsRefused()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var client = app.CreateClient();
        var response = await client.PostJsonAsync("/api/auth/login", new { email = sme.Email, password = "Wrong-password-1" });
        await Expect.ProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task FiveFailedSignInsLockTheAccountEvenAgainstTheRightPassword()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var failed = await client.PostJsonAsync("/api/auth/login", new { email = sme.Email, password = "Wrong-password-1" });
            await Expect.StatusAsync(failed, HttpStatusCode.Unauthorized);
        }
        var sixth = await client.PostJsonAsync("/api/auth/login", new { email = sme.Email, password = sme.Password });
        var problem = await Expect.ProblemAsync(sixth, HttpStatusCode.Unauthorized);
        Assert.Equal("Locked out", problem.GetProperty("title").GetString());
    }

    [DatabaseFact]
    public async Task ARefreshTokenGivesANewAccessToken()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var token = await app.GetTokenAsync(sme.Email, sme.Password);
        using var client = app.CreateClient();
        var refreshed = await (await client.PostJsonAsync("/api/auth/refresh", new { refreshToken = token.RefreshToken })).ReadAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.AccessToken);
        await Expect.StatusAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task SigningInOnTheLoginPageGivesACookieTheApiAccepts()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        using var browser = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var signedIn = await CookieSignIn.SignInAsync(browser, sme.Email, sme.Password);
        await Expect.StatusAsync(signedIn, HttpStatusCode.Redirect);
        await Expect.StatusAsync(await browser.GetAsync("/api/auth/me"), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task DataProtectionKeysAreKeptInTheDatabase()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        await app.GetTokenAsync(sme.Email, sme.Password);
        Assert.True(await app.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()), "No data-protection key was stored in the database.");
    }

    [DatabaseFact]
    public async Task ATokenIssuedByOneInstanceIsAcceptedByASecondOnTheSameDatabase()
    {
        var sme = await app.SignUpWithPasswordAsync(OrganizationKind.Sme);
        var token = await app.GetTokenAsync(sme.Email, sme.Password);

        // A second instance on the same database has no keys of its own in memory: it must read them from the database.
        await using var second = SecondInstance.Of(app);
        using var client = second.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        var me = await Expect.JsonAsync(await client.GetAsync("/api/auth/me"), HttpStatusCode.OK);
        Assert.Equal(sme.Email, me.GetProperty("email").GetString());
    }
}

[Collection(SharedApps.SqliteA)]
public sealed class AuthTestsOnSqlite(SqliteApp app) : AuthTests(app);

[Collection(SharedApps.PostgresA)]
public sealed class AuthTestsOnPostgres(PostgresApp app) : AuthTests(app), IUsesPostgres;
