using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>What a member does: its declared share, its work in words, and the criteria (0-based) and lots (from 1) it covers.</summary>
public sealed record MemberWorkInput
{
    public decimal? SharePercent { get; init; }
    public string? Work { get; init; }
    public List<int>? Criteria { get; init; }
    public List<int>? Lots { get; init; }
}

/// <summary>An invitation: the SME and, optionally, the part the lead has in mind for it.</summary>
public sealed record InviteInput
{
    public int? OrganizationId { get; init; }
    public decimal? SharePercent { get; init; }
    public string? Work { get; init; }
    public List<int>? Criteria { get; init; }
    public List<int>? Lots { get; init; }

    public MemberWorkInput AsWork => new() { SharePercent = SharePercent, Work = Work, Criteria = Criteria, Lots = Lots };
}

/// <summary>
/// A new consortium for a published requirement. The caller's SME becomes its lead; <see cref="Invite"/>
/// invites partners in the same step (as "Form this consortium" on the partners page does).
/// </summary>
public sealed record CreateConsortiumRequest
{
    public int? RequirementId { get; init; }
    public string? Name { get; init; }

    /// <summary>The lead's own part.</summary>
    public MemberWorkInput? Lead { get; init; }
    public List<InviteInput>? Invite { get; init; }
}

/// <summary>The lead's change to one member: its part of the work and, for an accepted member, its role.</summary>
public sealed record MemberUpdateInput
{
    public ConsortiumRole? Role { get; init; }
    public decimal? SharePercent { get; init; }
    public string? Work { get; init; }
    public List<int>? Criteria { get; init; }
    public List<int>? Lots { get; init; }

    public MemberWorkInput AsWork => new() { SharePercent = SharePercent, Work = Work, Criteria = Criteria, Lots = Lots };
}

/// <summary>A cluster's certificate and the member SMEs that may rely on it.</summary>
public sealed record GroupCertificateInput
{
    public string? Standard { get; init; }
    public string? Issuer { get; init; }
    public string? Number { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public List<int>? MemberOrganizationIds { get; init; }
}

/// <summary>Checks on a member's declared work against the requirement it is for.</summary>
public static class MemberWorkRules
{
    /// <summary>Criteria indexes must exist in the requirement; lots must be its lot numbers; a share is 0 to 100.</summary>
    public static void Validate(Errors errors, string prefix, MemberWorkInput input, int criteriaCount, IReadOnlyCollection<int> lotNumbers)
    {
        if (input.SharePercent is { } share && (share < 0 || share > 100))
            errors.Add(prefix + "sharePercent", "A share is 0 to 100 percent.");
        errors.MaxLength(prefix + "work", input.Work, ConsortiumLimits.Work);
        foreach (var i in (input.Criteria ?? []).Where(i => i < 0 || i >= criteriaCount).Distinct())
            errors.Add(prefix + "criteria", $"The requirement has no criterion {i} (criteria are numbered 0 to {criteriaCount - 1}).");
        foreach (var lot in (input.Lots ?? []).Where(l => !lotNumbers.Contains(l)).Distinct())
            errors.Add(prefix + "lots", lotNumbers.Count == 0 ? "The requirement is not split into lots." : $"The requirement has no lot {lot}.");
    }

    /// <summary>Applies the fields the input sets; absent fields keep their value.</summary>
    public static void Apply(ConsortiumMember member, MemberWorkInput input)
    {
        if (input.SharePercent is { } share) member.SharePercent = share;
        if (input.Work is not null) member.Work = input.Work.Trim();
        if (input.Criteria is not null) member.Criteria = [.. input.Criteria.Distinct().Order()];
        if (input.Lots is not null) member.Lots = [.. input.Lots.Distinct().Order()];
    }

    /// <summary>The declared shares of the accepted members add up to at most 100 percent.</summary>
    public static string? SharesProblem(IEnumerable<ConsortiumMember> members)
    {
        var sum = members.Where(m => m.Status == ConsortiumMemberStatus.Accepted).Sum(m => m.SharePercent);
        return sum > 100 ? $"The accepted members' shares would add up to {sum:0.##} percent; at most 100." : null;
    }
}
