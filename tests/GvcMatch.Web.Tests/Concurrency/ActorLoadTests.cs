using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace GvcMatch.Web.Tests.Concurrency;

/// <summary>
/// The caller is read from the database once per request, however many places (layout, page,
/// view components, services, authorization handlers) ask who it is.
/// </summary>
public sealed class ActorLoadTests : IAsyncLifetime
{
    private readonly LoggedApp _app = new(TestDatabase.Sqlite(), new Dictionary<string, string>
    {
        // Every command is logged, so the test counts the actor look-ups the request made.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        GvcMatchApp.DeleteFolder(_app.Database.DataFolder);
    }

    [Fact]
    public async Task APageThatAsksForTheCallerSeveralTimesReadsItOnce()
    {
        var sme = await _app.SignUpAsync(OrganizationKind.Sme);
        await sme.SaveProfileAsync();
        using var browser = _app.CreateClient();
        await CookieSignIn.SignInAsync(browser, sme.Email, sme.Password);
        await browser.GetAsync("/Account/Profile");

        // The layout, the page model, the authorization handler and the page's own markup all ask.
        _app.Logs.Entries.Clear();
        var page = await browser.GetAsync("/Account/Profile");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(1, ActorQueries());

        // An API write through a service and its authorization handler: once as well.
        _app.Logs.Entries.Clear();
        await Expect.StatusAsync(await sme.Client.PutCurrentAsync($"/api/organizations/{sme.Me.OrgId}/profile", Samples.Profile()), HttpStatusCode.OK);
        Assert.Equal(2, ActorQueries()); // one for the GET that read the ETag, one for the PUT
    }

    /// <summary>The look-up of the actor: the user joined to its organisation, with the admin flag.</summary>
    private int ActorQueries() => _app.Logs.Entries.Count(e => e.Category == "Microsoft.EntityFrameworkCore.Database.Command"
        && e.Message.Contains("IsPlatformAdmin") && e.Message.Contains("AspNetUsers") && e.Message.Contains("Organizations"));

    private sealed class LoggedApp(TestDatabase database, IReadOnlyDictionary<string, string> settings) : GvcMatchApp(database, settings)
    {
        public LogSink Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
