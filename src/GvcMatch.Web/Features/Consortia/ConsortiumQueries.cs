using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Conversations;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>Reads for the API and the pages. A consortium exists for the caller only while its organisation is invited or accepted.</summary>
public static class ConsortiumQueries
{
    /// <summary>True when the caller's organisation is invited to or part of the consortium: the check every read makes.</summary>
    public static Task<bool> CanSeeAsync(AppDbContext db, Actor actor, int consortiumId, CancellationToken ct) =>
        actor.OrganizationId is not { } own
            ? Task.FromResult(false)
            : db.ConsortiumMembers.AnyAsync(m => m.ConsortiumId == consortiumId && m.OrganizationId == own
                && (m.Status == ConsortiumMemberStatus.Invited || m.Status == ConsortiumMemberStatus.Accepted), ct);

    public static async Task<ConsortiumDto?> GetAsync(AppDbContext db, Actor actor, int id, CancellationToken ct)
    {
        if (!await CanSeeAsync(db, actor, id, ct)) return null;
        var c = await db.Consortia.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var requirement = await db.Requirements.AsNoTracking().Where(r => r.Id == c.RequirementId)
            .Select(r => new { r.Title, r.OrganizationId, Buyer = r.Organization.Name }).FirstAsync(ct);
        var members = await (from m in db.ConsortiumMembers.AsNoTracking()
                             where m.ConsortiumId == id
                             join o in db.Organizations on m.OrganizationId equals o.Id
                             orderby m.Role, m.InvitedAt, m.Id
                             select new { m, o.Name, o.Country }).ToListAsync(ct);
        var dtos = members.Select(x => Member(x.m, x.Name, x.Country)).ToList();
        var conversation = await db.Set<Conversation>().Where(x => x.ConsortiumId == id).Select(x => (long?)x.Id).FirstOrDefaultAsync(ct);
        return new ConsortiumDto(c.Id, c.Name, c.Status, c.RequirementId, requirement.Title, requirement.OrganizationId, requirement.Buyer,
            c.LeadOrganizationId, c.CreatedAt, c.UpdatedAt, dtos, dtos.First(d => d.OrganizationId == actor.OrganizationId), conversation);
    }

    /// <summary>The caller's consortia and open invitations, newest change first.</summary>
    public static async Task<List<ConsortiumSummaryDto>> MineAsync(AppDbContext db, Actor actor, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } own) return [];
        var rows = await (from m in db.ConsortiumMembers.AsNoTracking()
                          where m.OrganizationId == own && (m.Status == ConsortiumMemberStatus.Invited || m.Status == ConsortiumMemberStatus.Accepted)
                          join c in db.Consortia on m.ConsortiumId equals c.Id
                          join r in db.Requirements on c.RequirementId equals r.Id
                          join lead in db.Organizations on c.LeadOrganizationId equals lead.Id
                          orderby c.UpdatedAt descending, c.Id descending
                          select new
                          {
                              c.Id, c.Name, c.Status, c.RequirementId, r.Title, Lead = lead.Name, m.Role, MyStatus = m.Status, c.UpdatedAt,
                              Accepted = db.ConsortiumMembers.Count(x => x.ConsortiumId == c.Id && x.Status == ConsortiumMemberStatus.Accepted),
                          }).ToListAsync(ct);
        return rows.Select(r => new ConsortiumSummaryDto(r.Id, r.Name, r.Status, r.RequirementId, r.Title, r.Lead, r.Role, r.MyStatus, r.Accepted, r.UpdatedAt))
            .ToList();
    }

    private static ConsortiumMemberDto Member(ConsortiumMember m, string name, string country) =>
        new(m.OrganizationId, name, country, m.Role, m.Status, m.SharePercent, m.Work, m.Criteria, m.Lots, m.InvitedAt, m.RespondedAt);
}
