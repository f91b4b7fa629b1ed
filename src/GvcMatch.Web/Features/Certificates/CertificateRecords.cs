using GvcMatch.Matching.Certifications;
using GvcMatch.Web.Features.Profiles;
using GvcMatch.Web.Infrastructure;

namespace GvcMatch.Web.Features.Certificates;

/// <summary>
/// The certificates of a profile as the API, the pages and the import write them: checked, read
/// through the registry (canonical code and scope) and stored with their evidence level. A name
/// the registry does not know is kept exactly as typed.
/// </summary>
public static class CertificateRecords
{
    public static void Validate(Errors errors, IReadOnlyList<CertificationInput>? certificates, string prefix)
    {
        if (certificates is { Count: > ProfileLimits.Certifications }) errors.Add(prefix + "certifications", $"At most {ProfileLimits.Certifications} certifications.");
        for (var i = 0; i < (certificates?.Count ?? 0); i++)
        {
            var c = certificates![i];
            var at = $"{prefix}certifications[{i}]";
            if (c is null) { errors.Add(at, "A certification cannot be null."); continue; }
            CertificationCriterionRules.Check(c.Standard, c.Scope, at, errors.Add, CertificationRegistry.Default);
            errors.MaxLength($"{at}.issuer", c.Issuer, ProfileLimits.Short);
            errors.MaxLength($"{at}.number", c.Number, ProfileLimits.Short);
            if (c.ValidFrom is { } from && c.ValidUntil is { } until && until < from)
                errors.Add($"{at}.validUntil", $"A certificate cannot be valid until {until:yyyy-MM-dd}, before it is valid from {from:yyyy-MM-dd}.");
            if (c.Evidence is { } level && !Enum.IsDefined(level)) errors.Add($"{at}.evidence", "Unknown evidence level.");
        }
    }

    /// <summary>
    /// Refuses an evidence level above what the caller may set (<paramref name="allowed"/>), except the
    /// level an unchanged certificate already has: sending a profile back as it was read never fails.
    /// </summary>
    public static void CheckEvidence(Errors errors, IReadOnlyList<CertificationInput>? certificates, IReadOnlyList<Certification> stored, EvidenceLevel allowed, string prefix = "")
    {
        for (var i = 0; i < (certificates?.Count ?? 0); i++)
        {
            if (certificates![i] is not { Evidence: { } level } c || level <= allowed) continue;
            if (Previous(Read(c), stored) is { } same && level <= same.Evidence) continue;
            errors.Add($"{prefix}certifications[{i}].evidence", allowed == EvidenceLevel.SelfDeclared
                ? $"An SME records its certificates as {nameof(EvidenceLevel.SelfDeclared)} (a document may be attached); '{level}' is set by a verified intermediary or an admin."
                : $"You may set evidence levels up to '{allowed}', not '{level}'.");
        }
    }

    /// <summary>
    /// Replaces the profile's certificates; an unchanged one keeps its evidence level and its document, a
    /// changed one starts again as self-declared without a document (it may not show the new dates).
    /// </summary>
    public static void Apply(CapabilityProfile p, IReadOnlyList<CertificationInput>? certificates)
    {
        var previous = p.Certifications.ToList();
        p.Certifications.Clear();
        foreach (var c in certificates ?? [])
        {
            var read = Read(c);
            var same = Previous(read, previous);
            read.Evidence = c.Evidence ?? same?.Evidence ?? EvidenceLevel.SelfDeclared;
            read.Verified = read.Evidence >= EvidenceLevel.VerifiedByIntermediary;
            if (same is not null) KeepDocument(read, same);
            p.Certifications.Add(read);
        }
    }

    /// <summary>An input in registry terms: "ISO 9001:2015" → ISO 9001, "FSC CoC" → FSC, chain of custody.</summary>
    public static Certification Read(CertificationInput c)
    {
        var typed = c.Standard.Trim();
        var scope = string.IsNullOrWhiteSpace(c.Scope) ? null : c.Scope.Trim();
        var resolved = CertificationRegistry.Default.Resolve(typed);
        var standard = resolved?.Standard.Code ?? typed;
        if (resolved is not null) scope = scope is null ? resolved.Scope : CertificationRegistry.FindScope(resolved.Standard, scope)?.Code ?? scope;
        return new Certification
        {
            Standard = standard, Scope = scope, Issuer = Blank(c.Issuer), Number = Blank(c.Number),
            ValidFrom = c.ValidFrom, ValidUntil = c.ValidUntil,
        };
    }

    private static Certification? Previous(Certification read, IReadOnlyList<Certification> stored) =>
        stored.FirstOrDefault(x => x.Standard == read.Standard && x.Scope == read.Scope && x.Number == read.Number
            && x.ValidUntil == read.ValidUntil && x.ValidFrom == read.ValidFrom);

    private static void KeepDocument(Certification to, Certification from)
    {
        to.DocumentKey = from.DocumentKey;
        to.DocumentName = from.DocumentName;
        to.DocumentContentType = from.DocumentContentType;
        to.DocumentLength = from.DocumentLength;
        to.DocumentSha256 = from.DocumentSha256;
        to.DocumentUploadedAt = from.DocumentUploadedAt;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
