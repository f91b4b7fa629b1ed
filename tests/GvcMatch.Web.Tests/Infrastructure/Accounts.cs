using System.Net;
using System.Net.Http.Headers;
using GvcMatch.Web.Features.Auth;
using GvcMatch.Web.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Infrastructure;

/// <summary>The /api/auth/me shape (also returned by register).</summary>
public sealed record Me(string UserId, string Email, string? DisplayName, int? OrganizationId, string? OrganizationName,
    string? OrganizationKind, string Role, bool IsPlatformAdmin)
{
    public int OrgId => OrganizationId ?? throw new InvalidOperationException("The user has no organisation.");
}

public sealed record TokenResponse(string TokenType, string AccessToken, long ExpiresIn, string RefreshToken);

/// <summary>A signed-up user and an HttpClient that sends their bearer token.</summary>
public sealed record Member(HttpClient Client, Me Me, string Email, string Password)
{
    /// <summary>True when <see cref="Client"/> is signed in by the test scheme (<see cref="TestSignIn"/>), not by a password.</summary>
    public bool SignedInByTest { get; init; }
}

/// <summary>Sign-up and sign-in through the real API, and the few shortcuts that have no API (making an admin).</summary>
public static class Accounts
{
    public const string Password = "Correct-horse-42";

    public static RegisterRequest NewRegistration(OrganizationKind kind, string country = "DE") => new(
        $"{kind.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@example.test",
        Password,
        $"Test {kind} user",
        new OrganizationInput
        {
            Name = $"Test {kind} {Guid.NewGuid().ToString("N")[..8]}",
            Kind = kind,
            IntermediaryType = kind == OrganizationKind.Intermediary ? IntermediaryType.Agency : null,
            Country = country,
            City = "Testville",
            SizeBand = kind == OrganizationKind.Mne ? SizeBand.Large : SizeBand.Small,
            Website = "https://example.test",
            Description = "An organisation made by a test.",
        });

    /// <summary>
    /// Registers an organisation and its owner through the API, then signs the client in with the
    /// test scheme (<see cref="TestSignIn"/>): for tests where signing in is not what is tested.
    /// Registration answers 202 without saying who was created (it must not reveal taken
    /// addresses), so the new user is read from the database by email.
    /// </summary>
    public static async Task<Member> SignUpAsync(this GvcMatchApp app, OrganizationKind kind, string country = "DE")
    {
        var registration = await app.RegisterAsync(kind, country);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == registration.Email).Select(u => u.Id).SingleAsync());
        var client = app.CreateClientAs(userId);
        PasswordHashCount.SignInSkipped();
        var me = await (await client.GetAsync("/api/auth/me")).ReadAsync<Me>();
        return new Member(client, me, registration.Email, registration.Password) { SignedInByTest = true };
    }

    /// <summary>As <see cref="SignUpAsync"/>, but signs in with the password through /api/auth/login: for tests of signing in and sessions.</summary>
    public static async Task<Member> SignUpWithPasswordAsync(this GvcMatchApp app, OrganizationKind kind, string country = "DE")
    {
        var registration = await app.RegisterAsync(kind, country);
        var client = await app.SignInAsync(registration.Email, registration.Password);
        var me = await (await client.GetAsync("/api/auth/me")).ReadAsync<Me>();
        return new Member(client, me, registration.Email, registration.Password);
    }

    /// <summary>A client the test scheme signs in as <paramref name="userId"/> (no password, no cookie).</summary>
    public static HttpClient CreateClientAs(this GvcMatchApp app, string userId) => TestSignIn.As(app.CreateClient(), userId);

    /// <summary>
    /// Another client for <paramref name="member"/>, signed in the way the member was: by the test
    /// scheme, or with the password (a new token, e.g. after the clock passed the old one's lifetime).
    /// </summary>
    public static async Task<HttpClient> NewClientAsync(this GvcMatchApp app, Member member)
    {
        if (!member.SignedInByTest) return await app.SignInAsync(member.Email, member.Password);
        PasswordHashCount.SignInSkipped();
        return app.CreateClientAs(member.Me.UserId);
    }

    private static async Task<RegisterRequest> RegisterAsync(this GvcMatchApp app, OrganizationKind kind, string country)
    {
        var registration = NewRegistration(kind, country);
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostJsonAsync("/api/auth/register", registration);
        await Expect.StatusAsync(response, HttpStatusCode.Accepted);
        return registration;
    }

    /// <summary>Logs in through /api/auth/login and returns a client that sends the token.</summary>
    public static async Task<HttpClient> SignInAsync(this GvcMatchApp app, string email, string password)
    {
        var token = await app.GetTokenAsync(email, password);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }

    public static async Task<TokenResponse> GetTokenAsync(this GvcMatchApp app, string email, string password)
    {
        using var anonymous = app.CreateClient();
        var response = await anonymous.PostJsonAsync("/api/auth/login", new { email, password });
        await Expect.StatusAsync(response, HttpStatusCode.OK);
        return await response.ReadAsync<TokenResponse>();
    }

    /// <summary>An intermediary of type Cluster (sign-up makes agencies; the type is set as an admin's edit would).</summary>
    public static async Task<Member> SignUpClusterAsync(this GvcMatchApp app)
    {
        var cluster = await app.SignUpAsync(OrganizationKind.Intermediary);
        await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == cluster.Me.OrgId)
            .ExecuteUpdateAsync(u => u.SetProperty(o => o.IntermediaryType, IntermediaryType.Cluster)));
        return cluster;
    }

    /// <summary>There is no API to make a platform admin (on purpose): it is done in the database.</summary>
    public static Task MakePlatformAdminAsync(this GvcMatchApp app, string userId) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsPlatformAdmin, true)));

    /// <summary>Marks an organisation verified directly, as a platform admin's earlier decision would have.</summary>
    public static Task MarkVerifiedAsync(this GvcMatchApp app, int organizationId) =>
        app.WithDbAsync(db => db.Organizations.Where(o => o.Id == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Verified, true).SetProperty(o => o.VerifiedAt, DateTimeOffset.UtcNow)));
}
