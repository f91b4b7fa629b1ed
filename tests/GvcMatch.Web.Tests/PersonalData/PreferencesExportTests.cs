using System.Net;
using GvcMatch.Web.Features.Notifications;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.PersonalData;

/// <summary>The personal data export holds how each kind of notification reaches the person, as they set it.</summary>
[Collection(SharedApps.SqliteB)]
public sealed class PreferencesExportTests(SqliteApp app)
{
    [Fact]
    public async Task TheExportHoldsTheNotificationPreferencesAndTheDigestTimeZone()
    {
        var sme = await app.SignUpAsync(OrganizationKind.Sme);
        await Expect.StatusAsync(await sme.Client.PutJsonAsync("/api/me/notification-preferences", new
        {
            timeZone = "Asia/Tokyo",
            preferences = new Dictionary<string, string> { [NotificationKinds.Message] = "WeeklyDigest", [NotificationKinds.Offer] = "Off" },
        }), HttpStatusCode.OK);

        var data = await Expect.JsonAsync(await sme.Client.GetAsync("/api/me/data"), HttpStatusCode.OK);
        var exported = data.GetProperty("notificationPreferences");
        Assert.Equal("Asia/Tokyo", exported.GetProperty("timeZone").GetString());
        var preferences = exported.GetProperty("preferences");
        Assert.Equal("WeeklyDigest", preferences.GetProperty(NotificationKinds.Message).GetString());
        Assert.Equal("Off", preferences.GetProperty(NotificationKinds.Offer).GetString());
        Assert.Equal("Immediately", preferences.GetProperty(NotificationKinds.MatchingRequirement).GetString());
        // The same answer the preferences endpoint gives.
        var own = await Expect.JsonAsync(await sme.Client.GetAsync("/api/me/notification-preferences"), HttpStatusCode.OK);
        Assert.Equal(own.GetRawText(), exported.GetRawText());
    }
}
