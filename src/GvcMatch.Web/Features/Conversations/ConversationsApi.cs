using System.Security.Claims;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Conversations;

public sealed record ConversationFilter : PageRequest
{
    /// <summary>False (default): conversations in view; true: the ones the caller archived.</summary>
    public bool? Archived { get; init; }
}

public sealed record HistoryQuery
{
    public long? AfterSeq { get; init; }
    public long? BeforeSeq { get; init; }
    public int? Limit { get; init; }
}

/// <summary>
/// Conversations over HTTP: the same rules as the hub. A conversation the caller's organisation
/// is not a party of does not exist for them (404, never 403, so ids reveal nothing).
/// </summary>
public static partial class ConversationsApi
{
    public const int DefaultHistory = 50;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/conversations").WithTags("Conversations").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Your organisation's conversations, newest activity first, with your unread counts");
        group.MapGet("/unread", UnreadAsync).WithSummary("Your unread counts, per conversation and in total");
        group.MapPost("/", StartAsync).WithSummary("Start a conversation, or open the existing one with the same party about the same thing");
        group.MapGet("/{id:long}", GetAsync).WithSummary("One conversation");
        group.MapGet("/{id:long}/messages", HistoryAsync).WithSummary("Messages after afterSeq (catch-up) or before beforeSeq (scroll back)");
        group.MapPost("/{id:long}/messages", SendAsync).WithSummary("Send a message; a retry with the same clientMessageId stores nothing new");
        group.MapPost("/{id:long}/read", ReadAsync).WithSummary("Mark messages up to seq as read");
        group.MapGet("/{id:long}/archive", ArchiveStateAsync).WithSummary("Whether you archived the conversation; its ETag is the version to send in If-Match");
        group.MapPost("/{id:long}/archive", (long id, HttpRequest q, ClaimsPrincipal u, AppDbContext db, ConversationMessaging m, CancellationToken ct) => ArchiveAsync(id, true, q, u, db, m, ct))
            .WithSummary("Archive the conversation for yourself (If-Match: the archive flag's ETag, optional)");
        group.MapDelete("/{id:long}/archive", (long id, HttpRequest q, ClaimsPrincipal u, AppDbContext db, ConversationMessaging m, CancellationToken ct) => ArchiveAsync(id, false, q, u, db, m, ct))
            .WithSummary("Bring an archived conversation back (If-Match: the archive flag's ETag, optional)");
        MapAttachments(group);
        return app;
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound("The conversation");

    private static async Task<Results<Ok<Paged<ConversationSummaryDto>>, ValidationProblem>> ListAsync(
        [AsParameters] ConversationFilter filter, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        filter.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var actor = await user.GetActorAsync(db, ct);
        if (actor?.OrganizationId is not { } org) return TypedResults.Ok(new Paged<ConversationSummaryDto>([], 0, filter.PageNumber, filter.Size));

        var userId = actor.UserId;
        var archived = filter.Archived ?? false;
        var states = db.Set<ConversationUserState>().Where(s => s.UserId == userId);
        var query = db.Set<Conversation>().AsNoTracking()
            .Where(c => db.Set<ConversationParty>().Any(p => p.ConversationId == c.Id && p.OrganizationId == org));
        query = archived
            ? query.Where(c => states.Any(s => s.ConversationId == c.Id && s.ArchivedAt != null))
            : query.Where(c => !states.Any(s => s.ConversationId == c.Id && s.ArchivedAt != null));

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id).Skip(filter.Skip).Take(filter.Size)
            .Select(c => new
            {
                c.Id, c.Topic, c.AboutId, c.Subject, c.LastSeq, c.LastMessageAt,
                Read = states.Where(s => s.ConversationId == c.Id).Select(s => (long?)s.LastReadSeq).FirstOrDefault() ?? 0,
                Body = db.Set<Message>().Where(m => m.ConversationId == c.Id && m.Seq == c.LastSeq).Select(m => m.Body).FirstOrDefault(),
                File = db.Set<Message>().Where(m => m.ConversationId == c.Id && m.Seq == c.LastSeq).Select(m => m.AttachmentName).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var parties = await ConversationQueries.PartiesAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var items = rows.Select(r => new ConversationSummaryDto(r.Id, r.Topic.ToString(), r.AboutId, r.Subject, parties.GetValueOrDefault(r.Id, []),
            r.LastSeq, r.LastMessageAt, Preview(r.Body, r.File), Math.Max(0, r.LastSeq - r.Read), archived)).ToList();
        return TypedResults.Ok(new Paged<ConversationSummaryDto>(items, total, filter.PageNumber, filter.Size));
    }

    private static string? Preview(string? body, string? file)
    {
        var text = string.IsNullOrWhiteSpace(body) ? file is null ? null : $"Attachment: {file}" : body.ReplaceLineEndings(" ");
        return text is null || text.Length <= ConversationMessaging.PreviewLength ? text : text[..(ConversationMessaging.PreviewLength - 1)] + "…";
    }

    private static async Task<Results<Ok<UnreadTotalsDto>, UnauthorizedHttpResult>> UnreadAsync(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return TypedResults.Unauthorized();
        return TypedResults.Ok(await UnreadCounts.ForUserAsync(db, actor.UserId, ct));
    }

    private static async Task<Results<Created<ConversationDto>, Ok<ConversationDto>, ValidationProblem, ProblemHttpResult>> StartAsync(
        StartConversationRequest request, ClaimsPrincipal user, AppDbContext db, ConversationStore store, ConversationMessaging messaging,
        TimeProvider clock, CancellationToken ct)
    {
        var actor = await user.GetActorAsync(db, ct);
        if (actor is null) return Problems.Forbidden("Sign in again.");
        var (plan, refusal) = await ConversationStarter.PlanAsync(db, actor, request, ct);
        if (refusal is not null)
        {
            return refusal.Status switch
            {
                StatusCodes.Status400BadRequest => Problems.Invalid(refusal.Field, refusal.Detail),
                StatusCodes.Status404NotFound => TypedResults.Problem(refusal.Detail, statusCode: 404, title: "Not found"),
                _ => Problems.Forbidden(refusal.Detail),
            };
        }
        var (id, created) = await ConversationStarter.OpenAsync(db, messaging, store, actor, plan!, clock, ct);
        var dto = (await ConversationQueries.GetAsync(db, id, actor.UserId, ct))!;
        return created ? TypedResults.Created($"/api/conversations/{id}", dto) : TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(user, id, db, ct);
        if (who is null) return NotFound();
        return TypedResults.Ok((await ConversationQueries.GetAsync(db, id, who.UserId, ct))!);
    }

    private static async Task<Results<Ok<HistoryPage>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        long id, [AsParameters] HistoryQuery query, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(user, id, db, ct);
        if (who is null) return NotFound();
        var errors = new Errors();
        MessageRules.CheckSeq(errors, "afterSeq", query.AfterSeq, 0);
        MessageRules.CheckSeq(errors, "beforeSeq", query.BeforeSeq, 1);
        if (query.Limit is < 1 or > ConversationQueries.MaxHistory) errors.Add("limit", $"Limit is 1 to {ConversationQueries.MaxHistory}.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        return TypedResults.Ok(await ConversationQueries.HistoryAsync(db, id, query.AfterSeq, query.BeforeSeq, query.Limit ?? DefaultHistory, ct));
    }

    private static async Task<Results<Created<MessageDto>, Ok<MessageDto>, ValidationProblem, ProblemHttpResult>> SendAsync(
        long id, SendMessageRequest request, ClaimsPrincipal user, AppDbContext db, ConversationMessaging messaging, SendBudget budget,
        HttpResponse response, CancellationToken ct)
    {
        // Counted before any database work, so a flood costs the server as little as possible.
        if (budget.TryTake(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "") is { } wait)
        {
            response.Headers.RetryAfter = SendBudget.Seconds(wait).ToString();
            return TypedResults.Problem($"You are sending messages faster than allowed; retry in {SendBudget.Seconds(wait)} s.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");
        }
        var who = await ConversationQueries.ParticipantAsync(user, id, db, ct);
        if (who is null) return NotFound();
        var errors = MessageRules.Check(request.ClientMessageId, request.Body, bodyRequired: true);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var sent = await messaging.SendAsync(who, new NewMessage(MessageKind.Text, request.Body!, request.ClientMessageId), ct);
        return sent.Created
            ? TypedResults.Created($"/api/conversations/{id}/messages?afterSeq={sent.Message.Seq - 1}&limit=1", sent.Message)
            : TypedResults.Ok(sent.Message);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ReadAsync(
        long id, ReadRequest request, ClaimsPrincipal user, AppDbContext db, ConversationMessaging messaging, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(user, id, db, ct);
        if (who is null) return NotFound();
        var lastSeq = await ConversationQueries.LastSeqAsync(db, id, ct);
        if (request.Seq < 0 || request.Seq > lastSeq) return Problems.Invalid("seq", $"Seq is 0 to {lastSeq}, the newest message.");
        await messaging.MarkReadAsync(who, request.Seq, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ArchiveState>, ProblemHttpResult>> ArchiveStateAsync(
        long id, HttpResponse response, ClaimsPrincipal user, AppDbContext db, ConversationMessaging messaging, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(user, id, db, ct);
        if (who is null) return NotFound();
        var state = await messaging.ArchiveStateAsync(who, ct);
        response.Tag(state.Stamp);
        return TypedResults.Ok(state);
    }

    /// <summary>204 as before, with the archive flag's new ETag.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> ArchiveAsync(
        long id, bool archived, HttpRequest request, ClaimsPrincipal user, AppDbContext db, ConversationMessaging messaging, CancellationToken ct)
    {
        var who = await ConversationQueries.ParticipantAsync(user, id, db, ct);
        if (who is null) return NotFound();
        var set = await messaging.SetArchivedAsync(who, archived, IfMatch.From(request), ct);
        if (set.Refusal is { } refused) return refused.ToProblem();
        request.HttpContext.Response.Tag(set.Value!.Stamp);
        return TypedResults.NoContent();
    }
}
