using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Data;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// Joining a group certification: a cluster opens one of its certificates to new members (the
/// country it covers, its scope, what joining takes), an SME's owner asks to join, and the cluster
/// accepts (the SME is listed, already accepted) or declines. Only certificates that would count
/// are offered: open, not expired, and verified or held by a verified cluster.
/// </summary>
public static class GroupCertificateJoining
{
    public static async Task<Outcome<int>> SetOpennessAsync(
        AppDbContext db, ReferenceData.ReferenceData reference, Actor actor, int id, GroupOpennessInput input, CancellationToken ct)
    {
        if (await GroupCertificateStore.CannotManageAsync(db, actor, ct) is { } why) return Outcome.Forbidden<int>(why);
        var row = await db.GroupCertificates.FirstOrDefaultAsync(g => g.Id == id && g.ClusterOrganizationId == actor.OrganizationId, ct);
        if (row is null) return Outcome.NotFound<int>("The group certificate");

        var errors = new Errors();
        var country = string.IsNullOrWhiteSpace(input.Country) ? null : input.Country.Trim().ToUpperInvariant();
        if (country is not null && !reference.IsCountry(country)) errors.Add("country", $"Unknown country code '{input.Country}'.");
        errors.MaxLength("scope", input.Scope, GroupCertificateLimits.Scope);
        errors.MaxLength("joining", input.Joining, GroupCertificateLimits.Text);
        // An SME deciding whether to ask needs to know what it commits to.
        if (input.Open && string.IsNullOrWhiteSpace(input.Joining)) errors.Add("joining", "Say what joining takes (audits, shared costs, the quality manual).");
        if (errors.Any) return Outcome.Invalid<int>(errors);

        row.OpenToNewMembers = input.Open;
        row.OpenCountry = country;
        row.OpenScope = string.IsNullOrWhiteSpace(input.Scope) ? null : input.Scope.Trim();
        row.JoiningTakes = string.IsNullOrWhiteSpace(input.Joining) ? null : input.Joining.Trim();
        row.ConcurrencyStamp = Guid.NewGuid();
        if (await db.SaveVersionedAsync("the group certificate", ct) is { } lost) return lost;
        return Outcome.Done(row.Id);
    }

    /// <summary>Open group certifications an SME of <paramref name="country"/> could join, optionally of the standards given; with the SME's own request, if any.</summary>
    public static async Task<List<OpenGroupCertificationDto>> OpenForAsync(
        AppDbContext db, int smeId, string country, IReadOnlyCollection<string>? standards, DateOnly today, CancellationToken ct)
    {
        var rows = await db.GroupCertificates.AsNoTracking()
            .Where(g => g.OpenToNewMembers && (g.ValidUntil == null || g.ValidUntil >= today) && (g.OpenCountry == null || g.OpenCountry == country))
            .Join(db.Organizations, g => g.ClusterOrganizationId, o => o.Id, (g, o) => new { g, o.Name, o.Verified })
            .Where(x => x.g.Verified || x.Verified)
            .OrderBy(x => x.g.Standard).ThenBy(x => x.Name).ThenBy(x => x.g.Id).ToListAsync(ct);
        if (standards is not null) rows = [.. rows.Where(x => standards.Contains(x.g.Standard, StringComparer.OrdinalIgnoreCase))];
        var ids = rows.Select(x => x.g.Id).ToList();
        var mine = await db.Set<GroupCertificateJoinRequest>().AsNoTracking().Where(r => r.OrganizationId == smeId && ids.Contains(r.GroupCertificateId))
            .ToDictionaryAsync(r => r.GroupCertificateId, r => r.Status, ct);
        return rows.Select(x => new OpenGroupCertificationDto(x.g.Id, x.g.ClusterOrganizationId, x.Name, x.Verified, x.g.Standard, x.g.ValidUntil,
            x.g.OpenCountry, x.g.OpenScope, x.g.JoiningTakes, mine.TryGetValue(x.g.Id, out var s) ? s : null, x.g.MemberOrganizationIds.Contains(smeId))).ToList();
    }

    /// <summary>The SME's owner asks to join; asking again after a refusal asks again. Returns the request.</summary>
    public static async Task<Outcome<GroupCertificateJoinRequest>> RequestAsync(
        AppDbContext db, Actor actor, int id, JoinRequestInput input, DateTimeOffset now, CancellationToken ct)
    {
        if (GroupCertificateListings.CannotSee(actor) is { } why) return Refusal.Forbidden(why);
        if (!actor.IsOwnerOf(actor.OrganizationId!.Value)) return Refusal.Forbidden("Only the organisation's owner asks to join a group certificate.");
        var sme = await db.Organizations.AsNoTracking().FirstAsync(o => o.Id == actor.OrganizationId, ct);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // A certificate that is not open to this SME is not there for it: ids reveal nothing.
        if ((await OpenForAsync(db, sme.Id, sme.Country, null, today, ct)).FirstOrDefault(o => o.Id == id) is not { } open)
            return Refusal.NotFound("The open group certificate");
        if (open.Listed) return Refusal.Conflict("Your organisation is already listed on this group certificate.");
        if (input.Note is { Length: > GroupCertificateLimits.Text }) return Refusal.Invalid("note", $"At most {GroupCertificateLimits.Text} characters.");

        var request = await db.Set<GroupCertificateJoinRequest>().FirstOrDefaultAsync(r => r.GroupCertificateId == id && r.OrganizationId == sme.Id, ct);
        if (request is { Status: JoinRequestStatus.Pending }) return request;
        request ??= db.Add(new GroupCertificateJoinRequest { GroupCertificateId = id, OrganizationId = sme.Id, RequestedByUserId = actor.UserId }).Entity;
        request.RequestedByUserId = actor.UserId;
        request.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        request.Status = JoinRequestStatus.Pending;
        request.CreatedAt = now;
        request.DecidedAt = null;
        await db.SaveChangesAsync(ct);
        return request;
    }

    /// <summary>The requests to join one of the caller's cluster's certificates, pending first.</summary>
    public static async Task<Outcome<List<JoinRequestDto>>> RequestsAsync(AppDbContext db, Actor actor, int id, CancellationToken ct)
    {
        if (await GroupCertificateStore.CannotManageAsync(db, actor, ct) is { } why) return Refusal.Forbidden(why);
        if (!await db.GroupCertificates.AnyAsync(g => g.Id == id && g.ClusterOrganizationId == actor.OrganizationId, ct))
            return Refusal.NotFound("The group certificate");
        return await ListAsync(db, db.Set<GroupCertificateJoinRequest>().Where(r => r.GroupCertificateId == id), ct);
    }

    /// <summary>Every request to join one of the cluster's certificates (the cluster's page; the caller checks access).</summary>
    public static Task<List<JoinRequestDto>> ForClusterAsync(AppDbContext db, int clusterId, CancellationToken ct) =>
        ListAsync(db, db.Set<GroupCertificateJoinRequest>()
            .Where(r => db.GroupCertificates.Any(g => g.Id == r.GroupCertificateId && g.ClusterOrganizationId == clusterId)), ct);

    /// <summary>The SME's own requests, newest first.</summary>
    public static Task<List<JoinRequestDto>> MineAsync(AppDbContext db, int smeId, CancellationToken ct) =>
        ListAsync(db, db.Set<GroupCertificateJoinRequest>().Where(r => r.OrganizationId == smeId), ct);

    private static async Task<List<JoinRequestDto>> ListAsync(AppDbContext db, IQueryable<GroupCertificateJoinRequest> requests, CancellationToken ct)
    {
        var rows = await (from r in requests.AsNoTracking()
                          join g in db.GroupCertificates on r.GroupCertificateId equals g.Id
                          join o in db.Organizations on r.OrganizationId equals o.Id
                          join c in db.Organizations on g.ClusterOrganizationId equals c.Id
                          select new { r, g.Standard, ClusterName = c.Name, o.Name, o.Country }).ToListAsync(ct);
        return rows.OrderBy(x => x.r.Status != JoinRequestStatus.Pending).ThenByDescending(x => x.r.CreatedAt).ThenByDescending(x => x.r.Id)
            .Select(x => new JoinRequestDto(x.r.Id, x.r.GroupCertificateId, x.Standard, x.ClusterName, x.r.OrganizationId, x.Name, x.Country,
                x.r.Note, x.r.Status, x.r.CreatedAt, x.r.DecidedAt)).ToList();
    }

    /// <summary>The cluster accepts (the SME is listed, already accepted) or declines a pending request.</summary>
    public static async Task<Outcome<GroupCertificateJoinRequest>> DecideAsync(
        AppDbContext db, Actor actor, int id, int requestId, bool accept, DateTimeOffset now, CancellationToken ct)
    {
        if (await GroupCertificateStore.CannotManageAsync(db, actor, ct) is { } why) return Refusal.Forbidden(why);
        var certificate = await db.GroupCertificates.FirstOrDefaultAsync(g => g.Id == id && g.ClusterOrganizationId == actor.OrganizationId, ct);
        var request = certificate is null ? null
            : await db.Set<GroupCertificateJoinRequest>().FirstOrDefaultAsync(r => r.Id == requestId && r.GroupCertificateId == id, ct);
        if (certificate is null || request is null) return Refusal.NotFound("The request to join");
        if (request.Status != JoinRequestStatus.Pending) return Refusal.Conflict("This request has been answered already.");
        if (accept)
        {
            if (!certificate.MemberOrganizationIds.Contains(request.OrganizationId))
            {
                if (certificate.MemberOrganizationIds.Count >= GroupCertificateStore.MaxMembers)
                    return Refusal.Conflict($"The certificate lists {GroupCertificateStore.MaxMembers} SMEs already.");
                certificate.MemberOrganizationIds = [.. certificate.MemberOrganizationIds.Append(request.OrganizationId).Order()];
            }
            // The SME's owner asked to join this certificate: that is its acceptance.
            if (!certificate.AcceptedOrganizationIds.Contains(request.OrganizationId))
                certificate.AcceptedOrganizationIds = [.. certificate.AcceptedOrganizationIds.Append(request.OrganizationId).Order()];
            certificate.ConcurrencyStamp = Guid.NewGuid();
        }
        request.Status = accept ? JoinRequestStatus.Accepted : JoinRequestStatus.Declined;
        request.DecidedAt = now;
        if (await db.SaveVersionedAsync("the group certificate", ct) is { } lost) return lost;
        return request;
    }
}
