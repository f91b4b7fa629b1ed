using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GvcMatch.Web.Features.Consortia;

/// <summary>A published SME the lead may invite, as the invite form suggests it.</summary>
public sealed record CandidateDto(int OrganizationId, string Name, string Country, string? City, bool Verified);

/// <summary>What a name typed into the invite form settles on: one SME, several to choose from, or none.</summary>
public sealed record CandidateChoice(CandidateDto? Single, IReadOnlyList<CandidateDto> Choices);

public sealed partial class ConsortiumService
{
    public const int CandidateNameLength = 100;
    public const int MaxCandidates = 10;

    /// <summary>
    /// Published SMEs (<see cref="ListedSuppliers.Listed"/>) whose name contains what the lead typed,
    /// accents, case and kana forms aside. Never the lead, the buyer, or an SME already invited or
    /// accepted; one that declined or left may be invited again, so it is listed. Names are folded in
    /// memory: the databases fold accents differently (SQLite not at all), and a name list is small.
    /// </summary>
    public async Task<Outcome<List<CandidateDto>>> CandidatesAsync(Actor actor, int id, string? name, CancellationToken ct)
    {
        var (consortium, refusal) = await LeadOnlyAsync<List<CandidateDto>>(actor, id, ct);
        if (consortium is null) return refusal!;
        var wanted = NameFolding.Fold(name ?? "");
        if (wanted.Length == 0) return Refusal.Invalid("name", "Type part of the SME's name (name).");
        if (name!.Length > CandidateNameLength) return Refusal.Invalid("name", $"At most {CandidateNameLength} characters (got {name.Length}).");

        var buyer = await db.Requirements.Where(r => r.Id == consortium.RequirementId).Select(r => r.OrganizationId).FirstAsync(ct);
        var excluded = consortium.Members.Where(m => m.Status is ConsortiumMemberStatus.Invited or ConsortiumMemberStatus.Accepted)
            .Select(m => m.OrganizationId).Append(buyer).ToList();
        var listed = await db.Profiles.AsNoTracking().Listed(clock.Today()).Where(p => !excluded.Contains(p.OrganizationId))
            .Select(p => new CandidateDto(p.OrganizationId, p.Organization.Name, p.Organization.Country, p.Organization.City, p.Organization.Verified))
            .ToListAsync(ct);
        return listed.Select(c => (Candidate: c, Rank: Rank(NameFolding.Fold(c.Name), wanted)))
            .Where(x => x.Rank >= 0).OrderBy(x => x.Rank).ThenBy(x => x.Candidate.Name, StringComparer.CurrentCultureIgnoreCase)
            .ThenBy(x => x.Candidate.OrganizationId).Take(MaxCandidates).Select(x => x.Candidate).ToList();
    }

    /// <summary>The name as typed settles on one SME when exactly one matches it whole, or only one matches at all.</summary>
    public async Task<Outcome<CandidateChoice>> ChooseCandidateAsync(Actor actor, int id, string? name, CancellationToken ct)
    {
        var found = await CandidatesAsync(actor, id, name, ct);
        if (!found.Ok) return found.Refusal!;
        var list = found.Value!;
        var wanted = NameFolding.Fold(name!);
        var whole = list.Where(c => NameFolding.Fold(c.Name) == wanted).ToList();
        var single = whole.Count == 1 ? whole[0] : list.Count == 1 ? list[0] : null;
        return new CandidateChoice(single, single is null ? list : []);
    }

    /// <summary>0 the whole name, 1 its beginning, 2 the beginning of a word in it, 3 anywhere; -1 no match.</summary>
    private static int Rank(string folded, string wanted) =>
        folded == wanted ? 0
        : folded.StartsWith(wanted, StringComparison.Ordinal) ? 1
        : folded.Contains(' ' + wanted, StringComparison.Ordinal) ? 2
        : folded.Contains(wanted, StringComparison.Ordinal) ? 3 : -1;
}
