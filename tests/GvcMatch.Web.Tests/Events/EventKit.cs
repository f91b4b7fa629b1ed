using System.Net;
using System.Text.Json;
using GvcMatch.Web.Tests.Infrastructure;

namespace GvcMatch.Web.Tests.Events;

/// <summary>Setting up events through the API: a two-day fair in Madrid unless a test says otherwise.</summary>
public static class EventKit
{
    /// <summary>09:00–12:00 with a break 10:30–11:00 and 30-minute meetings: five slots a day, ten in all.</summary>
    public static Dictionary<string, object?> Fair(int tables = 3, int requestLimit = 10, string[]? audience = null) => new()
    {
        ["name"] = $"Supplier day {Guid.NewGuid().ToString("N")[..6]}",
        ["place"] = "IFEMA, Hall 4",
        ["firstDay"] = Samples.InDays(30).ToString("yyyy-MM-dd"),
        ["days"] = 2,
        ["dayStart"] = "09:00",
        ["dayEnd"] = "12:00",
        ["meetingMinutes"] = 30,
        ["breaks"] = new[] { new { from = "10:30", to = "11:00" } },
        ["timeZone"] = "Europe/Madrid",
        ["tables"] = tables,
        ["registrationOpensAt"] = DateTimeOffset.UtcNow.AddDays(-1),
        ["registrationClosesAt"] = DateTimeOffset.UtcNow.AddDays(7),
        ["audience"] = audience ?? ["Sme", "Mne", "Intermediary"],
        ["requestLimit"] = requestLimit,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(body) { [field] = value };
        return copy;
    }

    public static async Task<int> CreateEventAsync(this Member organiser, Dictionary<string, object?>? body = null) =>
        (await Expect.JsonAsync(await organiser.Client.PostJsonAsync("/api/events", body ?? Fair()), HttpStatusCode.Created)).GetProperty("id").GetInt32();

    public static async Task<int> RegisterAtAsync(this Member member, int eventId, object? body = null) =>
        (await Expect.JsonAsync(await member.Client.PostJsonAsync($"/api/events/{eventId}/registration", body ?? new { offers = new[] { "meetings" } }),
            HttpStatusCode.OK)).GetProperty("id").GetInt32();

    public static async Task<int> RequestAsync(this Member from, int eventId, int withParticipant, string note = "Let us talk") =>
        (await Expect.JsonAsync(await from.Client.PostJsonAsync($"/api/events/{eventId}/meetings", new { with = withParticipant, note }),
            HttpStatusCode.Created)).GetProperty("id").GetInt32();

    public static async Task AcceptAsync(this Member to, int eventId, int meeting) =>
        await Expect.StatusAsync(await to.Client.PostAsync($"/api/events/{eventId}/meetings/{meeting}/accept"), HttpStatusCode.OK);

    /// <summary>Starts the scheduler and waits for the background job to finish; returns its final status.</summary>
    public static async Task<JsonElement> ScheduleAsync(this Member organiser, int eventId, bool fresh = false)
    {
        await Expect.StatusAsync(await organiser.Client.PostJsonAsync($"/api/events/{eventId}/schedule", new { fresh }), HttpStatusCode.Accepted);
        for (var i = 0; i < 600; i++)
        {
            var status = await Expect.JsonAsync(await organiser.Client.GetAsync($"/api/events/{eventId}/schedule"), HttpStatusCode.OK);
            var state = status.GetProperty("state").GetString();
            if (state is "Done" or "Failed") return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("The scheduler did not finish within a minute.");
    }

    public static async Task<List<JsonElement>> MeetingsAsync(this Member member, int eventId) =>
        (await Expect.JsonAsync(await member.Client.GetAsync($"/api/events/{eventId}/meetings"), HttpStatusCode.OK)).EnumerateArray().ToList();
}
