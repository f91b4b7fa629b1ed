using GvcMatch.Web.Data;
using GvcMatch.Web.Features.Organizations;
using GvcMatch.Web.Features.Requirements;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>
/// Forming a consortium: create, invite, answer, set each member's part, leave, dissolve. The API and
/// the pages both come here, so the rules hold the same way everywhere. Every operation starts from
/// the caller's own membership row: whoever is not invited to or part of a consortium gets
/// "not found", whatever the id.
/// </summary>
public sealed partial class ConsortiumService(AppDbContext db, ConsortiumNotices notices, ConsortiumConversations conversations, TimeProvider clock)
{
    public async Task<Outcome<int>> CreateAsync(Actor actor, CreateConsortiumRequest input, CancellationToken ct)
    {
        if (!actor.IsSme || actor.OrganizationId is not { } own) return Outcome.Forbidden<int>("Only SMEs form consortia.");
        if (input.RequirementId is not { } requirementId) return Outcome.Invalid<int>("requirementId", "Name the requirement (requirementId).");
        var requirement = await db.Requirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requirementId && r.Status != RequirementStatus.Draft, ct);
        if (requirement is null) return Outcome.NotFound<int>("The requirement");
        if (requirement.Status != RequirementStatus.Published) return Outcome.Conflict<int>("The requirement is no longer open.");
        if (requirement.DeadlinePassed(clock.GetUtcNow())) return Outcome.Conflict<int>($"Bids closed at {requirement.BidsCloseAt:yyyy-MM-dd HH:mm} UTC.");

        var errors = new Errors();
        errors.MaxLength("name", input.Name, ConsortiumLimits.Name);
        var lots = requirement.Lots.Select(l => l.Number).ToList();
        MemberWorkRules.Validate(errors, "lead.", input.Lead ?? new(), requirement.Criteria.Count, lots);
        var invites = input.Invite ?? [];
        if (invites.Count + 1 > ConsortiumLimits.MaxMembers) errors.Add("invite", $"A consortium has at most {ConsortiumLimits.MaxMembers} members, the lead included.");
        if (invites.Select(i => i.OrganizationId).Distinct().Count() != invites.Count) errors.Add("invite", "Invite each SME once.");
        for (var i = 0; i < invites.Count; i++)
        {
            await CheckInviteeAsync(errors, $"invite[{i}].", invites[i], requirement, own, ct);
            MemberWorkRules.Validate(errors, $"invite[{i}].", invites[i].AsWork, requirement.Criteria.Count, lots);
        }
        if (errors.Any) return Outcome.Invalid<int>(errors);

        var leads = await db.Consortia.AnyAsync(c => c.RequirementId == requirementId && c.LeadOrganizationId == own && c.Status != ConsortiumStatus.Dissolved, ct);
        if (leads) return Outcome.Conflict<int>("Your organisation already leads a consortium for this requirement.");

        var now = clock.GetUtcNow();
        var ownName = await db.Organizations.Where(o => o.Id == own).Select(o => o.Name).FirstAsync(ct);
        var name = string.IsNullOrWhiteSpace(input.Name) ? DefaultName(ownName, requirement.Title) : input.Name.Trim();
        var lead = new ConsortiumMember
        {
            OrganizationId = own, Role = ConsortiumRole.Lead, Status = ConsortiumMemberStatus.Accepted,
            InvitedByUserId = actor.UserId, InvitedAt = now, RespondedAt = now,
        };
        MemberWorkRules.Apply(lead, input.Lead ?? new());
        if (MemberWorkRules.SharesProblem([lead]) is { } shares) return Outcome.Invalid<int>("lead.sharePercent", shares);
        var consortium = new Consortium
        {
            RequirementId = requirementId, Name = name, LeadOrganizationId = own, Status = ConsortiumStatus.Forming,
            CreatedByUserId = actor.UserId, CreatedAt = now, UpdatedAt = now, Members = [lead],
        };
        foreach (var invite in invites)
        {
            var member = new ConsortiumMember
            {
                OrganizationId = invite.OrganizationId!.Value, Role = ConsortiumRole.Member, Status = ConsortiumMemberStatus.Invited,
                InvitedByUserId = actor.UserId, InvitedAt = now,
            };
            MemberWorkRules.Apply(member, invite.AsWork);
            consortium.Members.Add(member);
        }
        // An invitee's share counts as if it accepted, so that no answer can push the total past 100.
        if (SharesIfAllAccept(consortium.Members) is { } overall) return Outcome.Invalid<int>("invite", overall);
        db.Add(consortium);
        await db.SaveChangesAsync(ct);
        await notices.InvitedAsync(consortium.Id, name, ownName, requirement.Title, invites.Select(i => i.OrganizationId!.Value).ToList(), ct);
        return Outcome.Done(consortium.Id);
    }

    /// <summary>The lead invites one more SME (again, if it declined or left before).</summary>
    public async Task<Outcome<int>> InviteAsync(Actor actor, int id, InviteInput input, CancellationToken ct)
    {
        var (consortium, refusal) = await LeadOnlyAsync<int>(actor, id, ct);
        if (consortium is null) return refusal!;
        var requirement = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == consortium.RequirementId, ct);
        if (requirement.Status != RequirementStatus.Published) return Outcome.Conflict<int>("The requirement is no longer open.");

        var errors = new Errors();
        await CheckInviteeAsync(errors, "", input, requirement, actor.OrganizationId!.Value, ct);
        MemberWorkRules.Validate(errors, "", input.AsWork, requirement.Criteria.Count, requirement.Lots.Select(l => l.Number).ToList());
        if (errors.Any) return Outcome.Invalid<int>(errors);
        var orgId = input.OrganizationId!.Value;
        var existing = consortium.Members.FirstOrDefault(m => m.OrganizationId == orgId);
        if (existing is { Status: ConsortiumMemberStatus.Invited or ConsortiumMemberStatus.Accepted })
            return Outcome.Conflict<int>(existing.Status == ConsortiumMemberStatus.Invited ? "That SME is already invited." : "That SME is already a member.");
        if (consortium.Members.Count(m => m.Status is ConsortiumMemberStatus.Invited or ConsortiumMemberStatus.Accepted) >= ConsortiumLimits.MaxMembers)
            return Outcome.Invalid<int>("organizationId", $"A consortium has at most {ConsortiumLimits.MaxMembers} members, the lead included.");

        var now = clock.GetUtcNow();
        var member = existing ?? new ConsortiumMember { OrganizationId = orgId, ConsortiumId = id };
        member.Role = ConsortiumRole.Member;
        member.Status = ConsortiumMemberStatus.Invited;
        member.InvitedByUserId = actor.UserId;
        member.InvitedAt = now;
        member.RespondedAt = null;
        MemberWorkRules.Apply(member, input.AsWork);
        if (existing is null) consortium.Members.Add(member);
        if (SharesIfAllAccept(consortium.Members) is { } shares) return Outcome.Invalid<int>("sharePercent", shares);
        if (!await SaveGuardedAsync(consortium, now, ct)) return Outcome.Conflict<int>(Changed);
        var leadName = await db.Organizations.Where(o => o.Id == consortium.LeadOrganizationId).Select(o => o.Name).FirstAsync(ct);
        await notices.InvitedAsync(id, consortium.Name, leadName, requirement.Title, [orgId], ct);
        return Outcome.Done(orgId);
    }

    /// <summary>Only SMEs, never the buyer itself, never the caller's own organisation.</summary>
    private async Task CheckInviteeAsync(Errors errors, string prefix, InviteInput invite, Requirement requirement, int own, CancellationToken ct)
    {
        if (invite.OrganizationId is not { } orgId)
        {
            errors.Add(prefix + "organizationId", "Name the SME to invite (organizationId).");
            return;
        }
        var kind = await db.Organizations.Where(o => o.Id == orgId).Select(o => (OrganizationKind?)o.Kind).FirstOrDefaultAsync(ct);
        if (kind is null) errors.Add(prefix + "organizationId", $"There is no organisation {orgId}.");
        else if (orgId == requirement.OrganizationId) errors.Add(prefix + "organizationId", "The buyer cannot be part of a consortium bidding for its own requirement.");
        else if (kind != OrganizationKind.Sme) errors.Add(prefix + "organizationId", "Only SMEs can be invited to a consortium.");
        else if (orgId == own) errors.Add(prefix + "organizationId", "Your organisation is already the lead.");
    }

    private static string? SharesIfAllAccept(IEnumerable<ConsortiumMember> members) =>
        MemberWorkRules.SharesProblem(members.Where(m => m.Status is ConsortiumMemberStatus.Invited or ConsortiumMemberStatus.Accepted)
            .Select(m => new ConsortiumMember { OrganizationId = m.OrganizationId, Status = ConsortiumMemberStatus.Accepted, SharePercent = m.SharePercent }));

    private static string DefaultName(string lead, string title)
    {
        var name = $"{lead} and partners: {title}";
        return name.Length <= ConsortiumLimits.Name ? name : name[..(ConsortiumLimits.Name - 1)] + "…";
    }

    /// <summary>The consortium with its members, when the caller's organisation is invited to or part of it; otherwise null.</summary>
    private async Task<(Consortium? Consortium, ConsortiumMember? Mine)> FindAsync(Actor actor, int id, CancellationToken ct)
    {
        if (actor.OrganizationId is not { } own) return (null, null);
        var consortium = await db.Consortia.Include(c => c.Members).FirstOrDefaultAsync(c => c.Id == id, ct);
        var mine = consortium?.Members.FirstOrDefault(m => m.OrganizationId == own && m.Status is ConsortiumMemberStatus.Invited or ConsortiumMemberStatus.Accepted);
        return mine is null ? (null, null) : (consortium, mine);
    }

    private async Task<(Consortium? Consortium, Refusal? Refusal)> LeadOnlyAsync<T>(Actor actor, int id, CancellationToken ct)
    {
        var (consortium, mine) = await FindAsync(actor, id, ct);
        if (consortium is null || mine is null) return (null, Refusal.NotFound("The consortium"));
        if (mine.Status != ConsortiumMemberStatus.Accepted || consortium.LeadOrganizationId != mine.OrganizationId)
            return (null, Refusal.Forbidden("Only the consortium's lead can do this."));
        if (consortium.Status == ConsortiumStatus.Dissolved) return (null, Refusal.Conflict("The consortium has been dissolved."));
        return (consortium, null);
    }

    private const string Changed = "The consortium changed meanwhile; reload it and try again.";

    /// <summary>
    /// Saves a change made on the rows as loaded, only if nobody changed the consortium since: the
    /// conditional UPDATE of <see cref="Consortium.ConcurrencyStamp"/> decides, so two edits at once
    /// cannot both pass the share and member-count checks. False (nothing stored) when another change won.
    /// </summary>
    private async Task<bool> SaveGuardedAsync(Consortium consortium, DateTimeOffset now, CancellationToken ct)
    {
        var loaded = db.Entry(consortium).Property(c => c.ConcurrencyStamp).OriginalValue;
        var stamp = Guid.NewGuid();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Consortia.Where(c => c.Id == consortium.Id && c.ConcurrencyStamp == loaded)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UpdatedAt, now).SetProperty(c => c.ConcurrencyStamp, stamp), ct);
        if (claimed == 0) return false;
        consortium.UpdatedAt = now;
        consortium.ConcurrencyStamp = stamp;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Active from two accepted members (the lead included), forming below; read after the change is stored, so two answers at once still end right.</summary>
    private async Task RefreshStatusAsync(int id, CancellationToken ct)
    {
        var accepted = await db.ConsortiumMembers.CountAsync(m => m.ConsortiumId == id && m.Status == ConsortiumMemberStatus.Accepted, ct);
        var status = accepted >= 2 ? ConsortiumStatus.Active : ConsortiumStatus.Forming;
        await db.Consortia.Where(c => c.Id == id && c.Status != ConsortiumStatus.Dissolved)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status), ct);
    }
}
