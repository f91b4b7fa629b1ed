using System.Globalization;
using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Events;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GvcMatch.Web.Pages.Events;

/// <summary>Upcoming matchmaking events, and for intermediaries and buyers the form that creates one (the same service as the API).</summary>
[Authorize]
public sealed class IndexModel(AppDbContext db, EventService events, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EventDto> Events { get; private set; } = [];
    public bool CanOrganize { get; private set; }

    [BindProperty] public EventForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        await LoadAsync(actor, ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Form = new EventForm { FirstDay = today.AddDays(30), RegistrationOpens = today, RegistrationCloses = today.AddDays(23) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = await User.GetActorAsync(db, ct);
        if (actor is null) return Challenge();
        var made = await events.CreateAsync(actor, Form.ToInput(), ct);
        if (made.Ok) return Redirect($"/Events/{made.Value!.Id}");
        foreach (var (field, messages) in made.Refusal!.ForForm())
            foreach (var message in messages) ModelState.AddModelError(field, message);
        await LoadAsync(actor, ct);
        return Page();
    }

    private async Task LoadAsync(Actor actor, CancellationToken ct)
    {
        CanOrganize = EventService.CanOrganize(actor) is null;
        Events = await events.ListAsync(actor, ct);
    }
}

/// <summary>The creation form: lists as comma-separated text, breaks as "10:30-11:00", registration by whole UTC days.</summary>
public sealed class EventForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Place { get; set; }
    public string? VideoLink { get; set; }
    public DateOnly? FirstDay { get; set; }
    public int Days { get; set; } = 1;
    public string DayStart { get; set; } = "09:00";
    public string DayEnd { get; set; } = "17:00";
    public int MeetingMinutes { get; set; } = 30;
    public string? Breaks { get; set; } = "13:00-14:00";
    public string TimeZone { get; set; } = "Europe/Madrid";
    public int Tables { get; set; } = 20;
    public DateOnly? RegistrationOpens { get; set; }
    public DateOnly? RegistrationCloses { get; set; }
    public bool Smes { get; set; } = true;
    public bool Buyers { get; set; } = true;
    public bool Intermediaries { get; set; }
    public string? Countries { get; set; }
    public string? Sectors { get; set; }
    public int RequestLimit { get; set; } = 10;

    public EventInput ToInput() => new()
    {
        Name = Name, Description = Description, Place = Place, VideoLink = VideoLink, FirstDay = FirstDay, Days = Days,
        DayStart = DayStart, DayEnd = DayEnd, MeetingMinutes = MeetingMinutes, Breaks = Ranges(Breaks), TimeZone = TimeZone, Tables = Tables,
        RegistrationOpensAt = RegistrationOpens?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        RegistrationClosesAt = RegistrationCloses?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        Audience = [.. Smes ? [OrganizationKind.Sme] : Array.Empty<OrganizationKind>(), .. Buyers ? [OrganizationKind.Mne] : Array.Empty<OrganizationKind>(),
            .. Intermediaries ? [OrganizationKind.Intermediary] : Array.Empty<OrganizationKind>()],
        Countries = List(Countries)?.Select(c => c.ToUpperInvariant()).ToList(), Sectors = List(Sectors), RequestLimit = RequestLimit,
    };

    public static List<string>? List(string? text) =>
        text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    /// <summary>"10:30-11:00, 13:00-14:00" as ranges; a piece without a dash becomes a range with no end, which validation names.</summary>
    public static List<TimeRangeInput> Ranges(string? text) =>
        (List(text) ?? []).Select(r => r.Split('-', 2, StringSplitOptions.TrimEntries)).Select(p => new TimeRangeInput(p[0], p.Length > 1 ? p[1] : null)).ToList();

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
