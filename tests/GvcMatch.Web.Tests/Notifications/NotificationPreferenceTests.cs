using System.Net;
using GvcMatch.Web.Features.Email;
using GvcMatch.Web.Features.NotificationPreferences;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>Per-kind email preferences: the API, the immediate emails that respect them, and the digests on a fake clock.</summary>
public abstract class NotificationPreferenceTests(GvcMatchApp app)
{
    private const string Url = "/api/me/notification-preferences";

    [DatabaseFact]
    public async Task EveryKindIsEmailedImmediatelyUntilThePersonChoosesOtherwise()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var before = await Expect.JsonAsync(await sme.Client.GetAsync(Url), HttpStatusCode.OK);
        Assert.All(EmailOptions.AllKinds, k => Assert.Equal("Immediately", before.GetProperty("preferences").GetProperty(k).GetString()));

        var after = await Expect.JsonAsync(await sme.Client.PutJsonAsync(Url, new
        {
            timeZone = "Asia/Tokyo",
            preferences = new Dictionary<string, string> { [NotificationKinds.Offer] = "Off", [NotificationKinds.Message] = "daily" },
        }), HttpStatusCode.OK);
        Assert.Equal("Asia/Tokyo", after.GetProperty("timeZone").GetString());
        Assert.Equal("Off", after.GetProperty("preferences").GetProperty(NotificationKinds.Offer).GetString());
        Assert.Equal("DailyDigest", after.GetProperty("preferences").GetProperty(NotificationKinds.Message).GetString());
        Assert.Equal("Immediately", after.GetProperty("preferences").GetProperty(NotificationKinds.SavedSearch).GetString());
        var other = await app.SignUpAsync(OrganizationKind.Sme);
        var untouched = await Expect.JsonAsync(await other.Client.GetAsync(Url), HttpStatusCode.OK);
        Assert.Equal("Immediately", untouched.GetProperty("preferences").GetProperty(NotificationKinds.Offer).GetString());
    }

    [DatabaseFact]
    public async Task AnUnknownTypeValueOrTimeZoneIsRefusedNamingTheFieldAndChangesNothing()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(Url, new { preferences = new Dictionary<string, string> { ["carrier-pigeon"] = "Off" } }), "preferences.carrier-pigeon");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(Url, new
        {
            preferences = new Dictionary<string, string> { [NotificationKinds.Message] = "Off", [NotificationKinds.Offer] = "hourly" },
        }), "preferences.offer");
        await Expect.ValidationErrorAsync(await sme.Client.PutJsonAsync(Url, new { timeZone = "Mars/Olympus_Mons" }), "timeZone");

        var now = await Expect.JsonAsync(await sme.Client.GetAsync(Url), HttpStatusCode.OK);
        Assert.Equal("Immediately", now.GetProperty("preferences").GetProperty(NotificationKinds.Message).GetString());
        using var anonymous = app.CreateClient();
        await Expect.StatusAsync(await anonymous.GetAsync(Url), HttpStatusCode.Unauthorized);
    }

    [DatabaseFact]
    public async Task ImmediateEmailsGoOnlyForTheKindsThePersonWantsAtOnceButTheInboxGetsEverything()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await sme.Client.PutJsonAsync(Url, new
        {
            preferences = new Dictionary<string, string> { [NotificationKinds.Offer] = "Off", [NotificationKinds.Message] = "WeeklyDigest" },
        }), HttpStatusCode.OK);
        var tag = Guid.NewGuid().ToString("N");

        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Offer, $"Offer {tag}");
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Message, $"Message {tag}");
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.SavedSearch, $"Saved search {tag}");

        var emailed = await app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking().Where(e => e.To == sme.Email && e.Subject.Contains(tag)).Select(e => e.Subject).ToListAsync());
        Assert.Equal([$"Saved search {tag}"], emailed);
        Assert.Equal(3, await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == sme.Me.UserId && n.Title.Contains(tag))));
    }

    [DatabaseFact]
    public async Task TheDailyDigestGoesOnceAfterMidnightInThePersonsTimeZone()
    {
        var clock = app.FakeClock!;
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await sme.Client.PutJsonAsync(Url, new
        {
            timeZone = "Asia/Tokyo",
            preferences = new Dictionary<string, string> { [NotificationKinds.Message] = "DailyDigest", [NotificationKinds.Offer] = "DailyDigest" },
        }), HttpStatusCode.OK);
        var tag = Guid.NewGuid().ToString("N");
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Message, $"Two unread messages {tag}", "From Acme", "/Conversations/5");
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Offer, $"Offer countered {tag}", null, "/Conversations/5");
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.SavedSearch, $"Saved search {tag}");
        var worker = app.Services.GetRequiredService<DigestWorker>();

        var tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");
        var localNow = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), tokyo);
        var midnight = new DateTimeOffset(localNow.Date.AddDays(1), tokyo.BaseUtcOffset);
        clock.Advance(midnight - clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        await worker.SendDueAsync(CancellationToken.None);
        Assert.Empty(await DigestsAsync(sme.Email));

        clock.Advance(TimeSpan.FromMinutes(2));
        await worker.SendDueAsync(CancellationToken.None);
        await worker.SendDueAsync(CancellationToken.None);
        var digest = Assert.Single(await DigestsAsync(sme.Email));
        Assert.Equal(DigestEmail.Subject(DigestPeriod.Daily, 2), digest.Subject);
        Assert.Contains($"Two unread messages {tag}", digest.TextBody);
        Assert.Contains($"Offer countered {tag}", digest.TextBody);
        Assert.DoesNotContain($"Saved search {tag}", digest.TextBody);
        Assert.Contains("/Conversations/5", digest.TextBody);
        Assert.Contains($"What happened on {DateOnly.FromDateTime(localNow.Date):yyyy-MM-dd}", digest.TextBody);
    }

    [DatabaseFact]
    public async Task TheWeeklyDigestCoversMondayToSundayInUtcWhenNoTimeZoneIsStored()
    {
        var clock = app.FakeClock!;
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await sme.Client.PutJsonAsync(Url, new { preferences = new Dictionary<string, string> { [NotificationKinds.Offer] = "weekly" } }), HttpStatusCode.OK);
        var tag = Guid.NewGuid().ToString("N");
        await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Offer, $"Offer accepted {tag}");
        var worker = app.Services.GetRequiredService<DigestWorker>();

        var today = clock.GetUtcNow().UtcDateTime.Date;
        var nextMonday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
        clock.Advance(new DateTimeOffset(nextMonday, TimeSpan.Zero) - clock.GetUtcNow() - TimeSpan.FromMinutes(1));
        await worker.SendDueAsync(CancellationToken.None);
        Assert.Empty(await DigestsAsync(sme.Email));

        clock.Advance(TimeSpan.FromMinutes(2));
        await worker.SendDueAsync(CancellationToken.None);
        var digest = Assert.Single(await DigestsAsync(sme.Email));
        Assert.Equal(DigestEmail.Subject(DigestPeriod.Weekly, 1), digest.Subject);
        Assert.Contains($"Offer accepted {tag}", digest.TextBody);
    }

    protected Task<List<EmailOutboxEntry>> DigestsAsync(string to) =>
        app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking().Where(e => e.To == to && e.Subject.Contains("digest")).ToListAsync());
}

public sealed class NotificationPreferenceTestsOnSqlite(SqliteAppOnFakeClock app) : NotificationPreferenceTests(app), IClassFixture<SqliteAppOnFakeClock>;

public sealed class NotificationPreferenceTestsOnPostgres(PostgresAppOnFakeClock app) : NotificationPreferenceTests(app), IClassFixture<PostgresAppOnFakeClock>, IUsesPostgres;

/// <summary>Two app instances on one PostgreSQL database, both running the digest worker at the same instant.</summary>
public sealed class DigestAcrossInstancesTests(PostgresAppOnFakeClock app) : IClassFixture<PostgresAppOnFakeClock>, IUsesPostgres
{
    [DatabaseFact]
    public async Task TwoInstancesSendEachDigestOnce()
    {
        var clock = app.FakeClock!;
        await using var second = new SecondInstance(app.Database with { DataFolder = Directory.CreateTempSubdirectory("gvcmatch-test-").FullName }) { FakeClock = clock };
        var people = new List<Member>();
        for (var i = 0; i < 4; i++)
        {
            var sme = await app.SignUpAsync(OrganizationKind.Sme);
            await Expect.StatusAsync(await sme.Client.PutJsonAsync("/api/me/notification-preferences",
                new { preferences = new Dictionary<string, string> { [NotificationKinds.Message] = "DailyDigest" } }), HttpStatusCode.OK);
            await app.NotifyAsync(sme.Me.UserId, NotificationKinds.Message, $"Unread message for person {i}");
            people.Add(sme);
        }
        clock.Advance(TimeSpan.FromDays(1));

        var workers = new[] { app.Services.GetRequiredService<DigestWorker>(), second.Services.GetRequiredService<DigestWorker>() };
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(workers.Select(w => Task.Run(() => w.SendDueAsync(CancellationToken.None))));

        foreach (var sme in people)
        {
            var digests = await app.WithDbAsync(db => db.Set<EmailOutboxEntry>().AsNoTracking().CountAsync(e => e.To == sme.Email && e.Subject.Contains("digest")));
            Assert.Equal(1, digests);
            Assert.Equal(1, await app.WithDbAsync(db => db.Set<DigestRun>().CountAsync(r => r.UserId == sme.Me.UserId && r.Period == DigestPeriod.Daily && r.Notifications > 0)));
        }
    }
}
