using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Events;

/// <summary>Meeting requests, the meetings and agenda, and the organiser's scheduling under /api/events/{id}.</summary>
public static class MeetingsApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:int}/meetings", ListAsync).WithSummary("The event's requests and meetings: all for the organiser, your own for a participant");
        group.MapPost("/{id:int}/meetings", RequestAsync).WithSummary("Request a meeting with another participant, with a note");
        group.MapPost("/{id:int}/meetings/{mid:int}/accept", AcceptAsync).WithSummary("Accept a meeting request made to you");
        group.MapPost("/{id:int}/meetings/{mid:int}/decline", DeclineAsync).WithSummary("Decline a meeting request made to you, with a reason");
        group.MapPut("/{id:int}/meetings/{mid:int}/placement", PlaceAsync).WithSummary("Move an accepted meeting to a slot and table, and lock it (organiser)");
        group.MapPost("/{id:int}/schedule", ScheduleAsync).WithSummary("Run the scheduler over the accepted meetings, as a background job (organiser)");
        group.MapGet("/{id:int}/schedule", StatusAsync).WithSummary("The scheduler's progress and its last report (organiser)");
        group.MapGet("/{id:int}/figures", FiguresAsync).WithSummary("Meetings requested, accepted, declined and placed (organiser)");
        group.MapGet("/{id:int}/agenda", AgendaAsync).WithSummary("Your placed meetings and your calendar feed's address");
    }

    private static async Task<Results<Ok<List<MeetingDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        int id, ClaimsPrincipal user, AppDbContext db, EventMeetings meetings, CancellationToken ct) =>
        (await meetings.ListAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(list => list);

    private static async Task<Results<Created<MeetingDto>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        int id, MeetingRequestInput body, ClaimsPrincipal user, AppDbContext db, MeetingRequests requests, EventMeetings meetings, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var made = await requests.RequestAsync(actor, id, body, ct);
        if (made.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        return TypedResults.Created($"/api/events/{id}/meetings/{made.Value!.Id}", await OneAsync(meetings, actor, id, made.Value.Id, ct));
    }

    private static Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> AcceptAsync(
        int id, int mid, ClaimsPrincipal user, AppDbContext db, MeetingRequests requests, EventMeetings meetings, CancellationToken ct) =>
        AnswerAsync(id, mid, true, null, user, db, requests, meetings, ct);

    private static Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> DeclineAsync(
        int id, int mid, DeclineInput body, ClaimsPrincipal user, AppDbContext db, MeetingRequests requests, EventMeetings meetings, CancellationToken ct) =>
        AnswerAsync(id, mid, false, body.Reason, user, db, requests, meetings, ct);

    private static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        int id, int mid, bool accept, string? reason, ClaimsPrincipal user, AppDbContext db, MeetingRequests requests, EventMeetings meetings, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var answered = await requests.AnswerAsync(actor, id, mid, accept, reason, ct);
        if (answered.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        return TypedResults.Ok(await OneAsync(meetings, actor, id, mid, ct));
    }

    private static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> PlaceAsync(
        int id, int mid, PlacementInput body, ClaimsPrincipal user, AppDbContext db, EventScheduling scheduling, EventMeetings meetings, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var placed = await scheduling.PlaceAsync(actor, id, mid, body, ct);
        if (placed.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        return TypedResults.Ok(await OneAsync(meetings, actor, id, mid, ct));
    }

    private static async Task<Results<Accepted<ScheduleStatusDto>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(
        int id, ScheduleRunInput? body, ClaimsPrincipal user, AppDbContext db, EventScheduling scheduling, CancellationToken ct)
    {
        var started = await scheduling.StartAsync(await user.GetActorAsync(db, ct), id, body?.Fresh ?? false, ct);
        if (started.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        return TypedResults.Accepted($"/api/events/{id}/schedule", started.Value!);
    }

    private static async Task<Results<Ok<ScheduleStatusDto>, ValidationProblem, ProblemHttpResult>> StatusAsync(
        int id, ClaimsPrincipal user, AppDbContext db, EventScheduling scheduling, CancellationToken ct) =>
        (await scheduling.StatusAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(s => s);

    private static async Task<Results<Ok<EventFiguresDto>, ValidationProblem, ProblemHttpResult>> FiguresAsync(
        int id, ClaimsPrincipal user, AppDbContext db, EventScheduling scheduling, CancellationToken ct) =>
        (await scheduling.FiguresAsync(await user.GetActorAsync(db, ct), id, ct)).Reply(s => s);

    private static async Task<Results<Ok<AgendaDto>, ValidationProblem, ProblemHttpResult>> AgendaAsync(
        int id, ClaimsPrincipal user, AppDbContext db, EventMeetings meetings, HttpRequest request, CancellationToken ct) =>
        (await meetings.AgendaAsync(await user.GetActorAsync(db, ct), id, $"{request.Scheme}://{request.Host}", ct)).Reply(a => a);

    private static async Task<MeetingDto> OneAsync(EventMeetings meetings, Actor? actor, int eventId, int meetingId, CancellationToken ct) =>
        (await meetings.ListAsync(actor, eventId, ct)).Value!.Single(m => m.Id == meetingId);
}
