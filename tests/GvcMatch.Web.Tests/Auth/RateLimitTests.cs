using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Auth;

/// <summary>Sign-in attempts are limited per client address; the limit does not depend on the database.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task TooManySignInAttemptsAreRefusedWithRetryAfter()
    {
        var database = TestDatabase.Sqlite();
        await using var app = new GvcMatchApp(database, new Dictionary<string, string> { ["RateLimits:AuthPermitsPerMinute"] = "3" });
        try
        {
            using var client = app.CreateClient();
            var statuses = new List<HttpStatusCode>();
            HttpResponseMessage? last = null;
            for (var i = 0; i < 4; i++)
            {
                last = await client.PostJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "Wrong-password-1" });
                statuses.Add(last.StatusCode);
            }
            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
            Assert.True(last!.Headers.RetryAfter is not null, "A 429 without Retry-After.");

            // Registration shares the limit, so a flood of sign-ups is refused too.
            var registration = Accounts.NewRegistration(OrganizationKind.Sme);
            await Expect.StatusAsync(await client.PostJsonAsync("/api/auth/register", registration), HttpStatusCode.TooManyRequests);
        }
        finally
        {
            await app.DisposeAsync();
            GvcMatchApp.DeleteFolder(database.DataFolder);
        }
    }
}
