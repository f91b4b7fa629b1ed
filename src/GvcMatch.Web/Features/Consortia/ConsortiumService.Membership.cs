using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

public sealed partial class ConsortiumService
{
    /// <summary>A member of the invited SME accepts or declines; the lead is told either way.</summary>
    public async Task<Outcome<ConsortiumMemberStatus>> AnswerAsync(Actor actor, int id, bool accept, CancellationToken ct)
    {
        var (consortium, mine) = await FindAsync(actor, id, ct);
        if (consortium is null || mine is null) return Outcome.NotFound<ConsortiumMemberStatus>("The consortium");
        if (consortium.Status == ConsortiumStatus.Dissolved) return Outcome.Conflict<ConsortiumMemberStatus>("The consortium has been dissolved.");
        if (mine.Status != ConsortiumMemberStatus.Invited) return Outcome.Conflict<ConsortiumMemberStatus>("Your organisation has already accepted this invitation.");
        if (accept && SharesIfAllAccept(consortium.Members) is { } shares)
            return Outcome.Conflict<ConsortiumMemberStatus>(shares + " Ask the lead to adjust the shares first.");

        var now = clock.GetUtcNow();
        mine.Status = accept ? ConsortiumMemberStatus.Accepted : ConsortiumMemberStatus.Declined;
        mine.RespondedAt = now;
        if (!await SaveGuardedAsync(consortium, now, ct)) return Outcome.Conflict<ConsortiumMemberStatus>(Changed);
        await RefreshStatusAsync(id, ct);
        if (accept) await conversations.SyncAsync(id, mine.OrganizationId, joined: true, ct);
        await notices.AnsweredAsync(consortium, mine.OrganizationId, accept, ct);
        return Outcome.Done(mine.Status);
    }

    /// <summary>
    /// The lead sets a member's part. Setting another accepted member's role to Lead hands the lead
    /// over (while the consortium has no bid, whose party is the lead). <paramref name="expected"/> is
    /// the consortium version the lead read (optional, as for drafts: the guarded save still refuses a
    /// change that lost a race to another one).
    /// </summary>
    public async Task<Outcome<int>> UpdateMemberAsync(Actor actor, int id, int organizationId, MemberUpdateInput input, IfMatch expected,
        CancellationToken ct)
    {
        var (consortium, refusal) = await LeadOnlyAsync<int>(actor, id, ct);
        if (consortium is null) return refusal!;
        if (expected.Check(consortium.ConcurrencyStamp, "this consortium") is { } stale) return stale;
        var member = consortium.Members.FirstOrDefault(m => m.OrganizationId == organizationId && m.Status is ConsortiumMemberStatus.Invited or ConsortiumMemberStatus.Accepted);
        if (member is null) return Outcome.NotFound<int>("The member");

        var requirement = await db.Requirements.AsNoTracking().FirstAsync(r => r.Id == consortium.RequirementId, ct);
        var errors = new Errors();
        MemberWorkRules.Validate(errors, "", input.AsWork, requirement.Criteria.Count, requirement.Lots.Select(l => l.Number).ToList());
        if (input.Role is { } role && !Enum.IsDefined(role)) errors.Add("role", "A role is Lead or Member.");
        else if (input.Role == ConsortiumRole.Member && member.OrganizationId == consortium.LeadOrganizationId)
            errors.Add("role", "The lead stays the lead until it hands the lead to another accepted member (set that member's role to Lead).");
        else if (input.Role == ConsortiumRole.Lead && member.OrganizationId != consortium.LeadOrganizationId && member.Status != ConsortiumMemberStatus.Accepted)
            errors.Add("role", "Only a member that has accepted can take the lead.");
        if (errors.Any) return Outcome.Invalid<int>(errors);

        var handOver = input.Role == ConsortiumRole.Lead && member.OrganizationId != consortium.LeadOrganizationId;
        if (handOver && await db.Bids.AnyAsync(b => b.ConsortiumId == id, ct))
            return Outcome.Conflict<int>("The consortium has a bid, made in its lead's name: the lead cannot change now.");

        MemberWorkRules.Apply(member, input.AsWork);
        if (SharesIfAllAccept(consortium.Members) is { } shares) return Outcome.Invalid<int>("sharePercent", shares);
        if (handOver)
        {
            consortium.Members.First(m => m.OrganizationId == consortium.LeadOrganizationId).Role = ConsortiumRole.Member;
            member.Role = ConsortiumRole.Lead;
            consortium.LeadOrganizationId = member.OrganizationId;
        }
        if (!await SaveGuardedAsync(consortium, clock.GetUtcNow(), ct)) return Outcome.Conflict<int>(Changed);
        return Outcome.Done(organizationId);
    }

    /// <summary>An accepted member other than the lead leaves; it drops out of the consortium's conversation at once.</summary>
    public async Task<Outcome<ConsortiumMemberStatus>> LeaveAsync(Actor actor, int id, CancellationToken ct)
    {
        var (consortium, mine) = await FindAsync(actor, id, ct);
        if (consortium is null || mine is null) return Outcome.NotFound<ConsortiumMemberStatus>("The consortium");
        if (consortium.Status == ConsortiumStatus.Dissolved) return Outcome.Conflict<ConsortiumMemberStatus>("The consortium has been dissolved.");
        if (mine.Status != ConsortiumMemberStatus.Accepted) return Outcome.Conflict<ConsortiumMemberStatus>("Your organisation has not joined; decline the invitation instead.");
        if (mine.OrganizationId == consortium.LeadOrganizationId)
            return Outcome.Conflict<ConsortiumMemberStatus>("The lead cannot leave: hand the lead to another member or dissolve the consortium.");

        var now = clock.GetUtcNow();
        mine.Status = ConsortiumMemberStatus.Left;
        mine.RespondedAt = now;
        if (!await SaveGuardedAsync(consortium, now, ct)) return Outcome.Conflict<ConsortiumMemberStatus>(Changed);
        await RefreshStatusAsync(id, ct);
        await conversations.SyncAsync(id, mine.OrganizationId, joined: false, ct);
        await notices.LeftAsync(consortium, mine.OrganizationId, ct);
        return Outcome.Done(mine.Status);
    }

    /// <summary>The lead ends the consortium; members and invitees are told. Its conversation stays readable as a record.</summary>
    public async Task<Outcome<ConsortiumStatus>> DissolveAsync(Actor actor, int id, CancellationToken ct)
    {
        var (consortium, refusal) = await LeadOnlyAsync<ConsortiumStatus>(actor, id, ct);
        if (consortium is null) return refusal!;
        consortium.Status = ConsortiumStatus.Dissolved;
        if (!await SaveGuardedAsync(consortium, clock.GetUtcNow(), ct)) return Outcome.Conflict<ConsortiumStatus>(Changed);
        await notices.DissolvedAsync(consortium, ct);
        return Outcome.Done(consortium.Status);
    }
}
