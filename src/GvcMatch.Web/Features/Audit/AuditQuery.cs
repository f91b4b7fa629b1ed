using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Audit;

public sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string? ActorUserId, string? ActorEmail, int? ActorOrganizationId, string Action,
    string TargetType, string TargetId, string? TargetName, int? OrganizationId, string? Reason, string? RemoteAddress);

/// <summary>Filters of the audit list; every one optional. Newest entries first.</summary>
public sealed record AuditFilter : PageRequest
{
    /// <summary>One of <see cref="AuditActions.All"/>.</summary>
    public string? Action { get; init; }

    /// <summary>The actor's user id or email (exact, case-insensitive).</summary>
    public string? Actor { get; init; }

    /// <summary>The organisation concerned, or the actor's organisation.</summary>
    public int? OrganizationId { get; init; }

    public string? TargetType { get; init; }
    public string? TargetId { get; init; }

    /// <summary>Entries at or after this instant.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Entries before this instant.</summary>
    public DateTimeOffset? To { get; init; }

    public new void Validate(Errors errors)
    {
        base.Validate(errors);
        if (Action is not null && !AuditActions.All.Contains(Action))
            errors.Add("action", $"Unknown action; the actions are {string.Join(", ", AuditActions.All)}.");
        errors.MaxLength("actor", Actor, 256);
        errors.MaxLength("targetType", TargetType, AuditLimits.TargetType);
        errors.MaxLength("targetId", TargetId, AuditLimits.TargetId);
        if (From is { } from && To is { } to && to < from) errors.Add("to", "'to' is before 'from'.");
    }
}

public static class AuditQuery
{
    public static async Task<Paged<AuditEntryDto>> ListAsync(AppDbContext db, AuditFilter filter, CancellationToken ct)
    {
        var query = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Action)) query = query.Where(e => e.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            var lower = actor.ToLowerInvariant();
            query = query.Where(e => e.ActorUserId == actor || (e.ActorEmail != null && e.ActorEmail.ToLower() == lower));
        }
        if (filter.OrganizationId is { } org) query = query.Where(e => e.OrganizationId == org || e.ActorOrganizationId == org);
        if (!string.IsNullOrWhiteSpace(filter.TargetType)) query = query.Where(e => e.TargetType == filter.TargetType);
        if (!string.IsNullOrWhiteSpace(filter.TargetId)) query = query.Where(e => e.TargetId == filter.TargetId);
        if (filter.From is { } from) query = query.Where(e => e.At >= from);
        if (filter.To is { } to) query = query.Where(e => e.At < to);

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.Id).Skip(filter.Skip).Take(filter.Size)
            .Select(e => new AuditEntryDto(e.Id, e.At, e.ActorUserId, e.ActorEmail, e.ActorOrganizationId, e.Action,
                e.TargetType, e.TargetId, e.TargetName, e.OrganizationId, e.Reason, e.RemoteAddress))
            .ToListAsync(ct);
        return new Paged<AuditEntryDto>(items, total, filter.PageNumber, filter.Size);
    }
}
