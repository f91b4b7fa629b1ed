using System.Net;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.NotificationPreferences;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Conversations;
using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Tests.Concurrency;

/// <summary>
/// A person's own settings have a version too: the notification preferences (one version for all
/// kinds and the time zone) and the archive flag of each conversation, which a new message from the
/// other side also changes.
/// </summary>
public abstract class PersonalSettingETagTests(GvcMatchApp app)
{
    private const string Preferences = "/api/me/notification-preferences";

    private static object Choose(string delivery) => new { preferences = new Dictionary<string, string> { [NotificationKinds.Offer] = delivery } };

    [DatabaseFact]
    public async Task Notification_preferences_are_saved_only_over_the_version_last_read()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        var read = await sme.Client.ETagAsync(Preferences);

        var first = await sme.Client.SendIfMatchAsync(HttpMethod.Put, Preferences, Choose("Off"), read);
        await Expect.StatusAsync(first, HttpStatusCode.OK);
        Assert.NotEqual(read, first.Headers.ETag);
        Assert.Equal(first.Headers.ETag, await sme.Client.ETagAsync(Preferences));
        await Expect.ProblemAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, Preferences, Choose("daily"), read), HttpStatusCode.PreconditionFailed);

        var stored = await app.WithDbAsync(db => db.Set<NotificationPreference>().Where(p => p.UserId == sme.Me.UserId && p.Kind == NotificationKinds.Offer)
            .Select(p => p.Delivery).SingleAsync());
        Assert.Equal(Delivery.Off, stored);
        await Expect.StatusAsync(await sme.Client.SendIfMatchAsync(HttpMethod.Put, Preferences, Choose("daily"), first.Headers.ETag), HttpStatusCode.OK);
    }

    [DatabaseFact]
    public async Task A_conversations_archive_flag_is_changed_only_in_the_version_last_read()
    {
        var (sme, mne, id) = await app.PairAsync();
        var url = $"/api/conversations/{id}/archive";
        var read = await mne.Client.ETagAsync(url);

        var archived = await mne.Client.SendIfMatchAsync<object>(HttpMethod.Post, url, null, read);
        await Expect.StatusAsync(archived, HttpStatusCode.NoContent);
        Assert.NotEqual(read, archived.Headers.ETag);
        Assert.Equal(archived.Headers.ETag, await mne.Client.ETagAsync(url));
        await Expect.ProblemAsync(await mne.Client.SendIfMatchAsync<object>(HttpMethod.Delete, url, null, read), HttpStatusCode.PreconditionFailed);
        Assert.True((await Expect.JsonAsync(await mne.Client.GetAsync(url), HttpStatusCode.OK)).GetProperty("archived").GetBoolean());

        // News from the other side brings the conversation back: an archive sent from the older read is refused.
        var beforeNews = await mne.Client.ETagAsync(url);
        await sme.SendRestAsync(id, Guid.NewGuid().ToString(), "New drawings attached.");
        await Expect.ProblemAsync(await mne.Client.SendIfMatchAsync<object>(HttpMethod.Post, url, null, beforeNews), HttpStatusCode.PreconditionFailed);
        Assert.False((await Expect.JsonAsync(await mne.Client.GetAsync(url), HttpStatusCode.OK)).GetProperty("archived").GetBoolean());
        await Expect.StatusAsync(await mne.Client.SendIfMatchAsync<object>(HttpMethod.Post, url, null, await mne.Client.ETagAsync(url)), HttpStatusCode.NoContent);
    }
}

[Collection(SharedApps.SqliteC)]
public sealed class PersonalSettingETagTestsOnSqlite(SqliteApp app) : PersonalSettingETagTests(app);

[Collection(SharedApps.PostgresC)]
public sealed class PersonalSettingETagTestsOnPostgres(PostgresApp app) : PersonalSettingETagTests(app), IUsesPostgres;
