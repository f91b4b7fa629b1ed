using System.Security.Claims;
using System.Text.Json.Serialization;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Notifications;

/// <summary>An inbox entry: in the list and in the hub's NotificationReceived, with its nulls written in both.</summary>
public sealed record NotificationDto(long Id, string Kind, string Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Body, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Link, DateTimeOffset CreatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? ReadAt)
{
    public static NotificationDto From(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt);
}

public sealed record NotificationPage(int Unread, Paged<NotificationDto> Items);

public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", ListAsync).WithSummary("Your inbox, newest first, with the unread count");
        group.MapPost("/{id:long}/read", ReadAsync).WithSummary("Mark one notification read");
        group.MapPost("/read-all", ReadAllAsync).WithSummary("Mark every notification read");
        return app;
    }

    private static async Task<Results<Ok<NotificationPage>, ValidationProblem>> ListAsync(
        [AsParameters] PageRequest paging, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var errors = new Errors();
        paging.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var mine = db.Set<Notification>().AsNoTracking().Where(n => n.UserId == userId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.Id).Skip(paging.Skip).Take(paging.Size)
            .Select(n => new NotificationDto(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        return TypedResults.Ok(new NotificationPage(unread, new Paged<NotificationDto>(items, total, paging.PageNumber, paging.Size)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(long id, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var updated = await db.Set<Notification>().Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        if (updated == 0 && !await db.Set<Notification>().AnyAsync(n => n.Id == id && n.UserId == userId, ct))
            return Problems.NotFound("The notification");
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReadAllAsync(ClaimsPrincipal user, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier)!;
        await db.Set<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, clock.GetUtcNow()), ct);
        return TypedResults.NoContent();
    }
}
