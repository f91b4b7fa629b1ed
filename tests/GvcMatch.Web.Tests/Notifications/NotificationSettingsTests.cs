using GvcMatch.Web.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GvcMatch.Web.Tests.Notifications;

/// <summary>Bad email and backplane settings stop the start with a message naming the key.</summary>
public sealed class NotificationSettingsTests
{
    [Theory]
    [InlineData("Email:Kinds", "message,postcards", "Email:Kinds")]
    [InlineData("Email:From", "not an address", "Email:From")]
    [InlineData("Email:Smtp:Port", "70000", "Email:Smtp:Port")]
    [InlineData("Email:LinkBaseUrl", "gvcmatch.example", "Email:LinkBaseUrl")]
    [InlineData("Messaging:Redis", "redis:6379,ssl=perhaps", "Messaging:Redis")]
    public async Task A_bad_setting_stops_the_start_naming_the_key(string key, string value, string named)
    {
        var database = TestDatabase.Sqlite();
        await using var app = new GvcMatchApp(database, new Dictionary<string, string> { [key] = value });
        var error = Assert.Throws<OptionsValidationException>(() => app.Services);
        Assert.Contains(named, error.Message);
        await app.DisposeAsync();
        GvcMatchApp.DeleteFolder(database.DataFolder);
    }
}
