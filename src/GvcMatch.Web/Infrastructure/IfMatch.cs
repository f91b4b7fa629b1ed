namespace GvcMatch.Web.Infrastructure;

/// <summary>
/// The version a caller says it is changing: the API reads it from <c>If-Match</c>, a page from the
/// stamp its form carried. Services compare it with the stored concurrency stamp, so a stale edit
/// is refused the same way on every path instead of silently overwriting someone else's change.
/// </summary>
public readonly record struct IfMatch(bool Given, bool Any, IReadOnlyList<string>? Tags)
{
    /// <summary>No version given: allowed for drafts, refused with 428 where a version is required.</summary>
    public static IfMatch None => default;

    /// <summary>A page's hidden stamp field (null when the form carried none).</summary>
    public static IfMatch Stamp(Guid? stamp) => stamp is { } s ? new(true, false, [ETags.For(s)]) : None;

    /// <summary>
    /// Reads <c>If-Match</c>: <c>*</c>, or a list of entity tags. Weak tags (<c>W/"…"</c>) are kept as
    /// they are and so never match: If-Match compares strongly (RFC 9110, 13.1.1).
    /// </summary>
    public static IfMatch From(HttpRequest request)
    {
        var values = request.Headers.IfMatch;
        if (values.Count == 0) return None;
        var tags = new List<string>();
        var any = false;
        foreach (var part in values.SelectMany(v => (v ?? "").Split(',')).Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (part == "*") any = true;
            else tags.Add(part);
        }
        return new(true, any, tags);
    }

    /// <summary>Null when the change may go ahead; otherwise 412 (stale) or 428 (missing where required).</summary>
    /// <param name="current">The stored stamp, or null when the resource does not exist yet.</param>
    /// <param name="what">"this requirement", "this bid": used in the refusal.</param>
    /// <param name="requiredBecause">Why a version is required here (null: optional, as for drafts).</param>
    public Refusal? Check(Guid? current, string what, string? requiredBecause = null)
    {
        if (!Given)
            return requiredBecause is null ? null
                : Refusal.StampRequired($"{char.ToUpperInvariant(what[0])}{what[1..]} {requiredBecause}: send If-Match with the ETag you last read, so that nobody's change is overwritten.");
        if (current is { } stamp && (Any || Tags?.Contains(ETags.For(stamp)) == true)) return null;
        return Refusal.Stale($"Someone else saved {what} after you read it; reload it to see their changes, then make yours again.");
    }
}

/// <summary>Strong entity tags derived from a concurrency stamp: a new stamp is a new tag.</summary>
public static class ETags
{
    public static string For(Guid stamp) => $"\"{stamp:N}\"";

    /// <summary>Puts the resource's ETag on the answer, so the caller can send it back in If-Match.</summary>
    public static void Tag(this HttpResponse response, Guid stamp) => response.Headers.ETag = For(stamp);
}

public static class VersionedSave
{
    /// <summary>
    /// Saves; when another request changed the same row since it was read (its concurrency stamp no
    /// longer matches), answers 412 as a stale If-Match would, and nothing is written.
    /// </summary>
    public static async Task<Refusal?> SaveVersionedAsync(this Data.AppDbContext db, string what, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            return Refusal.Stale($"Someone else saved {what} at the same moment; reload it to see their changes, then make yours again.");
        }
    }
}
