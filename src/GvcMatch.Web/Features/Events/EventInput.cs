using System.Globalization;
using GvcMatch.Events.Timetable;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Events;

/// <summary>A stretch of local time as the API takes it: "HH:mm" strings, so a typo is a 400 naming the field.</summary>
public sealed record TimeRangeInput(string? From, string? To);

/// <summary>A participant's window on one event day (0 is the first day), in the event's local time.</summary>
public sealed record DayWindowInput(int Day, string? From, string? To);

/// <summary>What an organiser sends to create an event.</summary>
public sealed record EventInput
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public string? Place { get; init; }
    public string? VideoLink { get; init; }
    public DateOnly? FirstDay { get; init; }
    public int Days { get; init; } = 1;
    public string? DayStart { get; init; }
    public string? DayEnd { get; init; }
    public int MeetingMinutes { get; init; } = 30;
    public List<TimeRangeInput>? Breaks { get; init; }
    public string? TimeZone { get; init; }
    public int Tables { get; init; }
    public DateTimeOffset? RegistrationOpensAt { get; init; }
    public DateTimeOffset? RegistrationClosesAt { get; init; }
    public List<OrganizationKind>? Audience { get; init; }
    public List<string>? Countries { get; init; }
    public List<string>? Sectors { get; init; }
    public List<int>? RequirementIds { get; init; }
    public int RequestLimit { get; init; } = 10;

    /// <summary>Field errors, or the event ready to save (without its organiser and stamps).</summary>
    public (Errors Errors, MatchmakingEvent? Event) Validate(ReferenceData.ReferenceData reference)
    {
        var errors = new Errors();
        errors.Required("name", Name, EventLimits.Name);
        errors.SingleLine("name", Name);
        errors.MaxLength("description", Description, EventLimits.Description);
        errors.MaxLength("place", Place, EventLimits.Place);
        errors.Url("videoLink", VideoLink, EventLimits.Url);
        if (string.IsNullOrWhiteSpace(Place) && string.IsNullOrWhiteSpace(VideoLink))
            errors.Add("place", "Give a place, or a video link for an online event.");
        if (FirstDay is null) errors.Add("firstDay", "This field is required.");
        var start = TimeInput.Parse(errors, "dayStart", DayStart);
        var end = TimeInput.Parse(errors, "dayEnd", DayEnd);
        var breaks = new List<TimeWindow>();
        for (var i = 0; i < (Breaks?.Count ?? 0); i++)
        {
            var from = TimeInput.Parse(errors, $"breaks[{i}].from", Breaks![i].From);
            var to = TimeInput.Parse(errors, $"breaks[{i}].to", Breaks[i].To);
            if (from is not null && to is not null) breaks.Add(new TimeWindow(from.Value, to.Value));
        }
        if (string.IsNullOrWhiteSpace(TimeZone)) errors.Add("timeZone", "This field is required.");
        if (Tables is < 1 or > EventLimits.MaxTables) errors.Add("tables", $"An event has 1 to {EventLimits.MaxTables} tables.");
        if (RequestLimit is < 1 or > EventLimits.MaxRequestLimit) errors.Add("requestLimit", $"The request limit is 1 to {EventLimits.MaxRequestLimit}.");
        if (RegistrationOpensAt is null) errors.Add("registrationOpensAt", "This field is required.");
        if (RegistrationClosesAt is null) errors.Add("registrationClosesAt", "This field is required.");
        else if (RegistrationOpensAt is not null && RegistrationClosesAt <= RegistrationOpensAt)
            errors.Add("registrationClosesAt", "Registration must close after it opens.");
        if (Audience is not { Count: > 0 }) errors.Add("audience", "Name who may attend: SMEs, buyers (Mne), intermediaries.");
        errors.Codes("countries", Countries, reference.IsCountry, "country");
        // A division or group ("25", "259") admits every class under it, so an organiser need not list them all.
        errors.Codes("sectors", Sectors, c => reference.IsIsic(c)
            || (c.Length is 2 or 3 && reference.List("isic")?.Any(i => i.Code.StartsWith(c, StringComparison.Ordinal)) == true), "ISIC sector");
        if (RequirementIds is { Count: > 20 }) errors.Add("requirementIds", "At most 20 requirements.");

        MatchmakingEvent? made = null;
        if (FirstDay is not null && start is not null && end is not null && !string.IsNullOrWhiteSpace(TimeZone))
        {
            made = new MatchmakingEvent
            {
                Name = Name?.Trim() ?? "", Description = Blank(Description), Place = Blank(Place), VideoLink = Blank(VideoLink),
                FirstDay = FirstDay.Value, Days = Days, DayStart = start.Value, DayEnd = end.Value, MeetingMinutes = MeetingMinutes,
                Breaks = breaks, TimeZone = TimeZone.Trim(), Tables = Tables,
                // Stored in UTC: PostgreSQL keeps instants without their offset.
                RegistrationOpensAt = (RegistrationOpensAt ?? default).ToUniversalTime(), RegistrationClosesAt = (RegistrationClosesAt ?? default).ToUniversalTime(),
                Audience = (Audience ?? []).Distinct().Select(k => k.ToString()).ToList(),
                Countries = (Countries ?? []).Distinct().ToList(), Sectors = (Sectors ?? []).Distinct().ToList(),
                RequirementIds = (RequirementIds ?? []).Distinct().ToList(), RequestLimit = RequestLimit,
            };
            foreach (var (field, message) in made.Timetable().Problems()) errors.Add(field, message);
        }
        return (errors, errors.Any ? null : made);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>What a participant says when registering (or changing its registration).</summary>
public sealed record RegistrationInput
{
    public List<string>? Offers { get; init; }
    public List<string>? Seeks { get; init; }
    public List<DayWindowInput>? Availability { get; init; }
    public List<int>? RequirementIds { get; init; }

    public (Errors Errors, List<DayWindow> Windows) Validate(EventGrid grid)
    {
        var errors = new Errors();
        errors.TextList("offers", Offers, EventLimits.Phrases, EventLimits.Phrase);
        errors.TextList("seeks", Seeks, EventLimits.Phrases, EventLimits.Phrase);
        if (RequirementIds is { Count: > 20 }) errors.Add("requirementIds", "At most 20 requirements.");
        var windows = new List<DayWindow>();
        for (var i = 0; i < (Availability?.Count ?? 0); i++)
        {
            var w = Availability![i];
            var from = TimeInput.Parse(errors, $"availability[{i}].from", w.From);
            var to = TimeInput.Parse(errors, $"availability[{i}].to", w.To);
            windows.Add(new DayWindow(w.Day, from ?? default, to ?? default));
        }
        if (!errors.Any)
        {
            foreach (var (field, message) in grid.WindowProblems(windows)) errors.Add(field, message);
            if (!errors.Any && windows.Count > 0 && grid.Availability(windows).Count == 0)
                errors.Add("availability", "These windows hold no whole meeting slot of the event.");
        }
        return (errors, windows);
    }

    public static List<string> Clean(List<string>? phrases) =>
        (phrases ?? []).Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

internal static class TimeInput
{
    private static readonly string[] Formats = ["HH:mm", "H:mm", "HH:mm:ss"];

    public static TimeOnly? Parse(Errors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) { errors.Add(field, "This field is required (HH:mm)."); return null; }
        if (TimeOnly.TryParseExact(value.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        errors.Add(field, $"'{value}' is not a time of day (HH:mm).");
        return null;
    }
}
