using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GvcMatch.Web.Features.Events;

/// <summary>The printed agenda, check-in, no-shows, feedback and follow-ups under /api/events/{id}.</summary>
public static class EventDayApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:int}/participants/{pid:int}/agenda.pdf", PdfAsync).WithSummary("A participant's agenda as a PDF (the participant and the organiser)");
        group.MapPut("/{id:int}/participants/{pid:int}/check-in", CheckInAsync).WithSummary("Check a participant in on the day, or undo it (organiser)");
        group.MapPut("/{id:int}/meetings/{mid:int}/no-show", NoShowAsync).WithSummary("Mark the side of a meeting that did not come (the other side or the organiser)");
        group.MapPut("/{id:int}/meetings/{mid:int}/feedback", FeedbackAsync).WithSummary("Your short feedback on a meeting you had");
        group.MapPost("/{id:int}/meetings/{mid:int}/follow-up", FollowUpAsync).WithSummary("Open (or reuse) the conversation that follows a meeting up");
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PdfAsync(
        int id, int pid, ClaimsPrincipal user, AppDbContext db, AgendaPdf pdf, CancellationToken ct)
    {
        var made = await pdf.ForAsync(await user.GetActorAsync(db, ct), id, pid, ct);
        if (made.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        return TypedResults.File(made.Value.Pdf, "application/pdf", made.Value.FileName);
    }

    private static async Task<Results<Ok<ParticipantDto>, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        int id, int pid, CheckInInput body, ClaimsPrincipal user, AppDbContext db, EventDay day, CancellationToken ct) =>
        (await day.CheckInAsync(await user.GetActorAsync(db, ct), id, pid, body, ct)).Reply(p => ParticipantDto.From(p, you: false));

    private static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> NoShowAsync(
        int id, int mid, NoShowInput body, ClaimsPrincipal user, AppDbContext db, EventDay day, EventMeetings meetings, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        var marked = await day.NoShowAsync(actor, id, mid, body, ct);
        if (marked.Refusal is { } f) return f.IsInvalid ? f.ToValidationProblem() : f.ToProblem();
        return TypedResults.Ok((await meetings.ListAsync(actor, id, ct)).Value!.Single(m => m.Id == mid));
    }

    private static async Task<Results<Ok<FeedbackDto>, ValidationProblem, ProblemHttpResult>> FeedbackAsync(
        int id, int mid, FeedbackInput body, ClaimsPrincipal user, AppDbContext db, EventDay day, CancellationToken ct) =>
        (await day.FeedbackAsync(await user.GetActorAsync(db, ct), id, mid, body, ct)).Reply(FeedbackDto.From);

    private static async Task<Results<Ok<FollowUpDto>, ValidationProblem, ProblemHttpResult>> FollowUpAsync(
        int id, int mid, ClaimsPrincipal user, AppDbContext db, EventDay day, CancellationToken ct) =>
        (await day.FollowUpAsync(await user.GetActorAsync(db, ct), id, mid, ct)).Reply(f => f);
}
