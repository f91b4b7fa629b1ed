using GvcMatch.Matching;
using GvcMatch.Matching.Certifications;
using GvcMatch.Matching.Understanding;

namespace GvcMatch.Web.Features.DevelopmentProgrammes;

/// <summary>A milestone for one SME: met or not, the evidence, and whether the profile or the runner decided it.</summary>
public sealed record MilestoneStatusDto(int MilestoneId, MilestoneKind Kind, string Title, string Target, DateOnly? Due, bool ForAll,
    bool Met, string Evidence, bool CheckedOnProfile, string? Note, DateTimeOffset? MarkedAt);

/// <summary>
/// Checks milestones against the SME's current profile, read the way the matcher reads it: a
/// certificate counts when it is valid and at least document-checked (a self-declared one is not
/// evidence a programme can rest on); a capability when the profile names the concept or a narrower
/// one; a capacity when the stated one, converted to the milestone's unit and period, reaches it.
/// Text milestones are the runner's to mark.
/// </summary>
public static class MilestoneChecks
{
    public const EvidenceLevel CertificateEvidence = EvidenceLevel.DocumentChecked;

    public static MilestoneStatusDto Check(ProgrammeMilestone m, SupplierFacts? read, MilestoneMark? mark, CapabilityVocabulary vocabulary, DateOnly today)
    {
        var (met, evidence) = m.Kind switch
        {
            MilestoneKind.Text => mark is null ? (false, Say.Text("not marked done yet")) : (true, mark.Note),
            _ when read is null => (false, Say.Text("no profile yet")),
            MilestoneKind.Certificate => Certificate(m, read, today),
            MilestoneKind.Capability => Capability(m, read, vocabulary),
            _ => Capacity(m, read),
        };
        return new MilestoneStatusDto(m.Id, m.Kind, TitleOf(m, vocabulary), Target(m, vocabulary), m.Due, m.EnrolmentId is null, met, evidence,
            m.Kind != MilestoneKind.Text, mark?.Note, mark?.MarkedAt);
    }

    /// <summary>The runner's title, or for an untitled milestone what it asks.</summary>
    public static string TitleOf(ProgrammeMilestone m, CapabilityVocabulary vocabulary) => m.Title.Length > 0 ? m.Title : Target(m, vocabulary);

    /// <summary>What the milestone asks, in the matcher's words: "ISO 14001", "powder coating", "at least 5,000 pieces a month".</summary>
    public static string Target(ProgrammeMilestone m, CapabilityVocabulary vocabulary) => m.Kind switch
    {
        MilestoneKind.Certificate => AsCriterion(m).Summary(),
        MilestoneKind.Capability => vocabulary.Find(m.ConceptId ?? "")?.PreferredLabel() ?? m.ConceptId ?? "",
        MilestoneKind.Capacity => AsCriterion(m).Summary(),
        _ => m.Title,
    };

    private static Criterion AsCriterion(ProgrammeMilestone m) => m.Kind == MilestoneKind.Certificate
        ? new Criterion { Kind = CriterionKind.CertificationHeld, Weight = 1, Standard = m.Standard, Scope = m.Scope, MinimumEvidence = CertificateEvidence }
        : new Criterion { Kind = CriterionKind.CapacityAtLeast, Weight = 1, Minimum = m.Minimum, Unit = m.Unit, Period = m.Period };

    private static (bool, string) Certificate(ProgrammeMilestone m, SupplierFacts s, DateOnly today)
    {
        var (_, met, evidence) = CertificationRequirement.From(AsCriterion(m), CertificationRegistry.Default).Evaluate(s.Certifications, today);
        return (met, evidence);
    }

    private static (bool, string) Capability(ProgrammeMilestone m, SupplierFacts s, CapabilityVocabulary vocabulary)
    {
        var id = m.ConceptId ?? "";
        var found = s.Concepts.FirstOrDefault(c => c.Id == id || vocabulary.AncestorsOf(c.Id).Contains(id));
        return found is null ? (false, Say.Format("the profile does not name {0}", Target(m, vocabulary)))
            : (true, Say.Format("the profile names \"{0}\"", found.Text));
    }

    private static (bool, string) Capacity(ProgrammeMilestone m, SupplierFacts s)
    {
        var criterion = AsCriterion(m);
        if (Scorer.CapacityIn(criterion, s, out var why) is not { } amount) return (false, why ?? Say.Text("not stated"));
        return (amount >= m.Minimum, Say.Format("states {0}", Scorer.StatedCapacity(s)));
    }
}
