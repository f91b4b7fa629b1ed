using System.Security.Claims;
using GvcMatch.Events.Agenda;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Events;

/// <summary>Events, registration, suggestions and meeting requests under /api/events.</summary>
public static class EventsApi
{
    public static IServiceCollection AddEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<EventService>();
        services.AddScoped<MeetingRequests>();
        services.AddScoped<EventSuggestions>();
        services.AddScoped<EventScheduling>();
        services.AddScoped<EventMeetings>();
        services.AddScoped<AgendaPdf>();
        services.AddScoped<EventDay>();
        services.AddOptions<EventReminderOptions>().BindConfiguration(EventReminderOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EventReminderWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<EventReminderWorker>());
        var seconds = configuration.GetValue("Events:SchedulerSeconds", 20);
        services.AddSingleton(sp => new SchedulingJobs(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<SchedulingJobs>>())
        {
            Limits = GvcMatch.Events.Scheduling.SchedulerLimits.Default with { Budget = TimeSpan.FromSeconds(Math.Clamp(seconds, 1, 600)) },
        });
        services.AddHostedService(sp => sp.GetRequiredService<SchedulingJobs>());
        return services;
    }

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/events").WithTags("Events").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Upcoming matchmaking events");
        group.MapPost("/", CreateAsync).WithSummary("Create an event (intermediaries and buyers)");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One event");
        group.MapGet("/{id:int}/slots", SlotsAsync).WithSummary("The event's meeting slots, in local time and UTC");
        group.MapPost("/{id:int}/registration", RegisterAsync).WithSummary("Register your organisation, or change your registration");
        group.MapGet("/{id:int}/participants", ParticipantsAsync).WithSummary("Who is registered (participants and the organiser)");
        group.MapGet("/{id:int}/suggestions", SuggestionsAsync).WithSummary("The other participants ranked for you, explained");
        MeetingsApi.Map(group);
        EventDayApi.Map(group);
        app.MapGet("/api/event-feeds/{token}.ics", FeedAsync).WithTags("Events").AllowAnonymous()
            .WithSummary("A participant's agenda as an iCalendar feed (the address is the secret)");
        return app;
    }

    private static async Task<Ok<List<EventDto>>> ListAsync(ClaimsPrincipal user, AppDbContext db, EventService events, CancellationToken ct) =>
        TypedResults.Ok(await events.ListAsync((await user.GetActorAsync(db, ct))!, ct));

    private static async Task<Results<Created<EventDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        EventInput body, ClaimsPrincipal user, AppDbContext db, EventService events, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var made = await events.CreateAsync(actor, body, ct);
        if (made.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        var view = await events.ViewAsync(actor, made.Value!.Id, ct);
        return TypedResults.Created($"/api/events/{made.Value.Id}", await events.DtoAsync(view.Value!, ct));
    }

    private static async Task<Results<Ok<EventDto>, ValidationProblem, ProblemHttpResult>> GetAsync(
        int id, ClaimsPrincipal user, AppDbContext db, EventService events, CancellationToken ct)
    {
        var view = await events.ViewAsync(await user.GetActorAsync(db, ct), id, ct);
        if (view.Refusal is { } f) return f.ToProblem();
        return TypedResults.Ok(await events.DtoAsync(view.Value!, ct));
    }

    private static async Task<Results<Ok<List<SlotDto>>, ValidationProblem, ProblemHttpResult>> SlotsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, EventService events, CancellationToken ct) =>
        (await events.ViewAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(v => v.Grid.Slots.Select(SlotDto.From).ToList());

    private static async Task<Results<Ok<ParticipantDto>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        int id, RegistrationInput body, ClaimsPrincipal user, AppDbContext db, EventService events, CancellationToken ct) =>
        (await events.RegisterAsync(await user.GetActorAsync(db, ct), id, body, ct)).Reply(p => ParticipantDto.From(p, you: true));

    private static async Task<Results<Ok<List<ParticipantDto>>, ValidationProblem, ProblemHttpResult>> ParticipantsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, EventService events, CancellationToken ct)
    {
        var view = await events.ViewAsync(await user.GetActorAsync(db, ct), id, ct);
        if (view.Refusal is { } f) return f.ToProblem();
        if (!view.Value!.Sees) return Problems.Forbidden("The participant list is for the event's participants and its organiser.");
        var mine = view.Value.Participant?.Id;
        return TypedResults.Ok((await events.ParticipantsAsync(id, ct)).Select(p => ParticipantDto.From(p, p.Id == mine)).ToList());
    }

    private static async Task<Results<Ok<List<SuggestionDto>>, ValidationProblem, ProblemHttpResult>> SuggestionsAsync(
        int id, ClaimsPrincipal user, AppDbContext db, EventSuggestions suggestions, CancellationToken ct) =>
        (await suggestions.ForAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(list => list);

    private static async Task<Results<ContentHttpResult, NotFound>> FeedAsync(string token, EventMeetings meetings, HttpResponse response, CancellationToken ct)
    {
        var feed = await meetings.FeedAsync(token, ct);
        if (feed is null) return TypedResults.NotFound();
        // Calendar apps poll the feed; a moved meeting must show on the next poll.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Text(feed, $"{AgendaCalendar.MediaType}; charset=utf-8");
    }
}
