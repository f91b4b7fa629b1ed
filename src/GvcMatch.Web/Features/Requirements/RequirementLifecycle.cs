namespace GvcMatch.Web.Features.Requirements;

/// <summary>
/// The allowed status changes: draft → published → closed → awarded, and cancelled from any
/// open state. Every publication and every change after it writes a version snapshot.
/// </summary>
public static class RequirementLifecycle
{
    public static string? CanEdit(Requirement r) => r.Status switch
    {
        RequirementStatus.Draft or RequirementStatus.Published => null,
        _ => $"A {r.Status.ToString().ToLowerInvariant()} requirement cannot be edited.",
    };

    public static string? Publish(Requirement r, DateTimeOffset now)
    {
        if (r.Status != RequirementStatus.Draft) return "Only a draft can be published.";
        if (r.ResponseDeadline is { } d && d < DateOnly.FromDateTime(now.UtcDateTime)) return "The response deadline has passed; move it before publishing.";
        r.Status = RequirementStatus.Published;
        r.PublishedAt = now;
        Snapshot(r, now, r.Version == 0 ? "First publication." : "Published again.");
        return null;
    }

    /// <summary>Call after applying an edit: a published requirement gets a new visible version.</summary>
    public static void RecordEdit(Requirement r, DateTimeOffset now, string? changeNote)
    {
        r.UpdatedAt = now;
        r.ConcurrencyStamp = Guid.NewGuid();
        if (r.Status == RequirementStatus.Published)
        {
            Snapshot(r, now, string.IsNullOrWhiteSpace(changeNote) ? "Requirement updated." : changeNote.Trim());
        }
    }

    public static string? Close(Requirement r, DateTimeOffset now)
    {
        if (r.Status != RequirementStatus.Published) return "Only a published requirement can be closed.";
        r.Status = RequirementStatus.Closed;
        r.UpdatedAt = now;
        return null;
    }

    public static string? Award(Requirement r, DateTimeOffset now, string? reason)
    {
        if (r.Status is not (RequirementStatus.Published or RequirementStatus.Closed)) return "Only a published or closed requirement can be awarded.";
        r.Status = RequirementStatus.Awarded;
        r.StatusReason = reason?.Trim();
        r.UpdatedAt = now;
        return null;
    }

    public static string? Cancel(Requirement r, DateTimeOffset now, string? reason)
    {
        if (r.Status is RequirementStatus.Awarded or RequirementStatus.Cancelled) return $"A {r.Status.ToString().ToLowerInvariant()} requirement cannot be cancelled.";
        if (string.IsNullOrWhiteSpace(reason)) return "Give the reason for cancelling; every responder will see it.";
        r.Status = RequirementStatus.Cancelled;
        r.StatusReason = reason.Trim();
        r.UpdatedAt = now;
        return null;
    }

    private static void Snapshot(Requirement r, DateTimeOffset now, string note)
    {
        r.Version++;
        r.Versions.Add(new RequirementVersion
        {
            Number = r.Version,
            PublishedAt = now,
            ChangeNote = note,
            Title = r.Title,
            Description = r.Description,
            ResponseDeadline = r.ResponseDeadline,
            Criteria = r.Criteria.ToList(),
            Lots = r.Lots.ToList(),
        });
    }
}
