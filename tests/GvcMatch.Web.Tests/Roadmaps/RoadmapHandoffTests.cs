using System.Net;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Roadmaps;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GvcMatch.Web.Tests.Roadmaps.RoadmapKit;

namespace GvcMatch.Web.Tests.Roadmaps;

/// <summary>
/// Following, expressions of interest, and the turn into a requirement: the SMEs that expressed
/// interest hear at once, in their language; followers only once the 24-hour head start has passed.
/// The app runs on a clock that moves only when the test moves it, and the test runs the release itself.
/// </summary>
public abstract class RoadmapHandoffTests(GvcMatchApp app)
{
    private FakeTimeProvider Clock => app.FakeClock!;

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    private RoadmapReleaseWorker Worker => app.Services.GetRequiredService<RoadmapReleaseWorker>();

    private Task SpeaksAsync(Member member, string language) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Id == member.Me.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.PreferredLanguage, language)));

    private static async Task<System.Text.Json.JsonElement> HeardAsync(Member member)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await InboxAsync(member, RoadmapNotificationKinds.Requirement) is [var one]) return one;
            await Task.Delay(100);
        }
        throw new TimeoutException("The follower was not told within 10 s.");
    }

    [DatabaseFact]
    public async Task InterestedSmesHearFirstInTheirLanguageAndFollowersAfterTheHeadStart()
    {
        var buyer = await app.SignUpAsync(OrganizationKind.Mne);
        var interested = await app.SignUpAsync(OrganizationKind.Sme);
        var follower = await app.SignUpAsync(OrganizationKind.Sme);
        var buyerFollower = await app.SignUpAsync(OrganizationKind.Sme);
        await SpeaksAsync(interested, "es");
        await Expect.StatusAsync(await buyerFollower.Client.PutAsync($"/api/organizations/{buyer.Me.OrgId}/roadmap-follow", null), HttpStatusCode.OK);

        var item = await buyer.PublishedItemAsync(Item(Today));
        Assert.Single(await InboxAsync(buyerFollower, RoadmapNotificationKinds.NewItem));
        await Expect.StatusAsync(await follower.Client.PutAsync($"/api/roadmap-items/{item}/follow", null), HttpStatusCode.OK);
        await Expect.StatusAsync(await interested.ExpressAsync(item), HttpStatusCode.OK);
        Assert.Single(await InboxAsync(buyer, RoadmapNotificationKinds.Interest));

        // Private between the two: the buyer lists it, another SME reads neither the list nor the note.
        var interests = await Expect.JsonAsync(await buyer.Client.GetAsync($"/api/roadmap-items/{item}/interests"), HttpStatusCode.OK);
        var interest = Assert.Single(interests.EnumerateArray());
        Assert.Equal(interested.Me.OrgId, interest.GetProperty("organizationId").GetInt32());
        Assert.Equal("30,000 pieces a month", interest.GetProperty("capacity").GetString());
        await Expect.StatusAsync(await follower.Client.GetAsync($"/api/roadmap-items/{item}/interests"), HttpStatusCode.Forbidden);
        await Expect.StatusAsync(await follower.Client.GetAsync($"/api/roadmap-items/{item}/interest"), HttpStatusCode.NotFound);
        await Expect.StatusAsync(await interested.Client.GetAsync($"/api/roadmap-items/{item}/interest"), HttpStatusCode.OK);

        var link = await Expect.JsonAsync(await buyer.Client.PostJsonAsync($"/api/roadmap-items/{item}/requirement", new ConvertInput(Today.AddDays(30), "DE")),
            HttpStatusCode.Created);
        var requirementId = link.GetProperty("requirementId").GetInt32();
        var requirement = await Expect.JsonAsync(await follower.Client.GetAsync($"/api/requirements/{requirementId}"), HttpStatusCode.OK);
        Assert.Equal("Published", requirement.GetProperty("status").GetString());
        Assert.Equal(3, requirement.GetProperty("criteria").GetArrayLength());
        var back = await Expect.JsonAsync(await follower.Client.GetAsync($"/api/requirements/{requirementId}/roadmap-item"), HttpStatusCode.OK);
        Assert.Equal(item, back.GetProperty("itemId").GetInt32());
        var converted = await Expect.JsonAsync(await follower.Client.GetAsync($"/api/roadmap-items/{item}"), HttpStatusCode.OK);
        Assert.Equal(requirementId, converted.GetProperty("requirementId").GetInt32());

        var told = Assert.Single(await InboxAsync(interested, RoadmapNotificationKinds.Requirement));
        Assert.StartsWith($"{buyer.Me.OrganizationName} convirtió", told.GetProperty("title").GetString());
        Assert.Equal($"/Requirements/{requirementId}", told.GetProperty("link").GetString());

        // The head start: nothing for the follower until 24 hours have passed.
        await Worker.RunOnceAsync(CancellationToken.None);
        Clock.Advance(TimeSpan.FromHours(23));
        await Worker.RunOnceAsync(CancellationToken.None);
        Assert.Empty(await InboxAsync(follower, RoadmapNotificationKinds.Requirement));

        // The app's own timer may release it first, on the moved clock; either way the follower hears once.
        Clock.Advance(TimeSpan.FromHours(1));
        await Worker.RunOnceAsync(CancellationToken.None);
        var late = await HeardAsync(follower);
        Assert.StartsWith($"{buyer.Me.OrganizationName} turned a road-map item into a requirement", late.GetProperty("title").GetString());
        Assert.Equal(0, await Worker.RunOnceAsync(CancellationToken.None));
        Assert.Single(await InboxAsync(follower, RoadmapNotificationKinds.Requirement));
        Assert.Single(await InboxAsync(interested, RoadmapNotificationKinds.Requirement));

        // Once it is a requirement, the item is not turned again and takes no more interest.
        await Expect.ProblemAsync(await buyer.Client.PostJsonAsync($"/api/roadmap-items/{item}/requirement", new ConvertInput(Today.AddDays(30), null)),
            HttpStatusCode.Conflict);
        await Expect.ProblemAsync(await follower.ExpressAsync(item), HttpStatusCode.Conflict);
    }
}

public sealed class RoadmapHandoffTestsOnSqlite(SqliteAppOnFakeClock app) : RoadmapHandoffTests(app), IClassFixture<SqliteAppOnFakeClock>;

public sealed class RoadmapHandoffTestsOnPostgres(PostgresAppOnFakeClock app) : RoadmapHandoffTests(app), IClassFixture<PostgresAppOnFakeClock>, IUsesPostgres;
